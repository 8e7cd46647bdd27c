package hyp.compiler.report;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.FusedBody;
import java.util.List;

/**
 * Graphviz DOT of a function's computational graph: one node per value, edges from arguments to results.
 * Regions become clusters, so the loops and branches of an algorithm stay visible.
 */
public final class DotPrinter {
    private final StringBuilder out = new StringBuilder();
    private int clusters;

    private DotPrinter() {}

    public static String print(Function f) {
        DotPrinter p = new DotPrinter();
        p.out.append("digraph \"").append(f.name()).append("\" {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n");
        for (Var v : f.params()) p.value(v, "input " + v.hint() + ": " + v.type(), "ellipse");
        p.block(f.body(), "  ");
        for (Var r : f.body().results()) {
            p.out.append("  result [shape=doublecircle, label=\"result\"];\n  ").append(id(r)).append(" -> result;\n");
        }
        p.out.append("}\n");
        return p.out.toString();
    }

    private void block(Block b, String pad) {
        for (Node n : b.nodes()) {
            if (n instanceof Node.Const c) {
                value(c.out(), c.value() == null ? "undef" : String.valueOf(c.value()), "plaintext");
            } else if (n instanceof Node.Op op) {
                // a fused op shows the expression it computes per element
                String what = op.attr() instanceof FusedBody body ? op.prim().name() + " " + body : op.prim().name();
                value(op.out(), what + "\\n" + op.out().type(), "box");
                edges(op.args(), op.out());
            } else {
                String kind = n instanceof Node.If ? "if" : n instanceof Node.While ? "while" : "for";
                out.append(pad).append("subgraph cluster_").append(clusters++).append(" {\n")
                        .append(pad).append("  label=\"").append(kind).append(" (line ")
                        .append(n.span() == null ? "?" : n.span().line()).append(")\";\n");
                for (Block inner : IrWalk.regions(n)) {
                    for (Var p : inner.params()) value(p, p + ": " + p.type(), "ellipse");
                    block(inner, pad + "  ");
                }
                out.append(pad).append("}\n");
                for (Var o : n.defs()) value(o, o + ": " + o.type(), "ellipse");
                wireStructured(n);
            }
        }
    }

    /** Initial values flow into region parameters, region results into the node's outputs. */
    private void wireStructured(Node n) {
        if (n instanceof Node.If i) {
            edges(List.of(i.cond()), null);
            for (int k = 0; k < i.outs().size(); k++) {
                edge(i.then().results().get(k), i.outs().get(k));
                edge(i.orElse().results().get(k), i.outs().get(k));
            }
        } else if (n instanceof Node.While w) {
            for (int k = 0; k < w.init().size(); k++) {
                edge(w.init().get(k), w.cond().params().get(k));
                edge(w.init().get(k), w.body().params().get(k));
                edge(w.body().results().get(k), w.outs().get(k));
            }
        } else if (n instanceof Node.For f) {
            for (int k = 0; k < f.init().size(); k++) {
                edge(f.init().get(k), f.body().params().get(k + 1));
                edge(f.body().results().get(k), f.outs().get(k));
            }
        }
    }

    private void value(Var v, String label, String shape) {
        out.append("  ").append(id(v)).append(" [label=\"").append(label.replace("\"", "\\\"")).append("\", shape=")
                .append(shape).append("];\n");
    }

    private void edges(List<Var> from, Var to) {
        if (to == null) return;
        for (Var f : from) edge(f, to);
    }

    private void edge(Var from, Var to) {
        out.append("  ").append(id(from)).append(" -> ").append(id(to)).append(";\n");
    }

    private static String id(Var v) {
        return "v" + v.id();
    }
}
