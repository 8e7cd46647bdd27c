package hyp.compiler.report;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import java.util.List;
import java.util.stream.Collectors;

/** Renders IR as indented text, one definition per line, for {@code hyp graph} and for tests. */
public final class IrPrinter {
    private final StringBuilder out = new StringBuilder();

    private IrPrinter() {}

    public static String print(Function f) {
        IrPrinter p = new IrPrinter();
        p.out.append("def ").append(f.name()).append('(').append(typed(f.params())).append(") -> ")
                .append(f.resultTypes().stream().map(Object::toString).collect(Collectors.joining(", "))).append(" {\n");
        p.block(f.body(), 1);
        p.out.append("  return ").append(names(f.body().results())).append("\n}\n");
        return p.out.toString();
    }

    private void block(Block b, int depth) {
        for (Node n : b.nodes()) node(n, depth);
    }

    private void node(Node n, int depth) {
        String pad = "  ".repeat(depth);
        if (n instanceof Node.Const c) {
            out.append(pad).append(c.out()).append(": ").append(c.out().type()).append(" = ")
                    .append(c.value() == null ? "undef" : c.value()).append('\n');
        } else if (n instanceof Node.Op op) {
            out.append(pad).append(op.out()).append(": ").append(op.out().type()).append(" = ").append(op.prim().name());
            if (op.attr() != null) out.append('[').append(attr(op.attr())).append(']');
            out.append('(').append(names(op.args())).append(")\n");
        } else if (n instanceof Node.If i) {
            out.append(pad).append(lhs(i.outs())).append("if ").append(i.cond()).append(" {\n");
            region(i.then(), depth);
            out.append(pad).append("} else {\n");
            region(i.orElse(), depth);
            out.append(pad).append("}\n");
        } else if (n instanceof Node.While w) {
            out.append(pad).append(lhs(w.outs())).append("while (").append(typed(w.cond().params())).append(") = (")
                    .append(names(w.init())).append(") {\n");
            region(w.cond(), depth);
            out.append(pad).append("} do (").append(typed(w.body().params())).append(") {\n");
            region(w.body(), depth);
            out.append(pad).append("}\n");
        } else if (n instanceof Node.For f) {
            out.append(pad).append(lhs(f.outs())).append("for ").append(f.body().params().get(0)).append(" in ")
                    .append(f.from()).append("..").append(f.to()).append(" carrying (")
                    .append(typed(f.body().params().subList(1, f.body().params().size()))).append(") = (")
                    .append(names(f.init())).append(") {\n");
            region(f.body(), depth);
            out.append(pad).append("}\n");
        }
    }

    private void region(Block b, int depth) {
        block(b, depth + 1);
        out.append("  ".repeat(depth + 1)).append("yield ").append(names(b.results())).append('\n');
    }

    private static String attr(Object a) {
        if (a instanceof IndexSpec s) return s.form().name().toLowerCase() + (s.sliceDim() != null ? " " + s.sliceDim() : "");
        return a.toString();
    }

    private static String lhs(List<Var> outs) {
        return outs.isEmpty() ? "" : names(outs) + " = ";
    }

    private static String names(List<Var> vs) {
        return vs.stream().map(Var::toString).collect(Collectors.joining(", "));
    }

    private static String typed(List<Var> vs) {
        return vs.stream().map(v -> v + ": " + v.type()).collect(Collectors.joining(", "));
    }
}
