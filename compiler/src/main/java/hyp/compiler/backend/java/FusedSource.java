package hyp.compiler.backend.java;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.Prims;
import hyp.compiler.prim.RowPassBody;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The loops of a class's fused element-wise ops as readable Java, one {@code private static} method each:
 * <pre>{@code
 * private static Tensor fused$0(Tensor a0, Tensor a1) {
 *     FusedLoops.sameShape("mul", a0, a1);
 *     Tensor result = FusedLoops.output(a0);
 *     double[] out = result.data, x0 = a0.data, x1 = a1.data;
 *     for (int i = 0; i < out.length; i++) {
 *         out[i] = Scalars.softplus(-x0[i] * x1[i]);
 *     }
 *     return result;
 * }
 * }</pre>
 * Steps read once are written inside the expression that reads them, others get a local; either way each element
 * goes through the operations of the bytecode back end's loop, in the same order.
 */
final class FusedSource {
    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, ATOM = 4;
    private static final String LOOPS = "hyp.runtime.ops.FusedLoops";

    private record Key(FusedBody body, List<Boolean> tensors) {}

    private final ClassRefs refs;
    private final Map<Key, String> names = new LinkedHashMap<>();

    FusedSource(ClassRefs refs) {
        this.refs = refs;
    }

    /** The name of the method computing {@code body} on arguments of these types. */
    String method(FusedBody body, List<Type> args) {
        Key key = new Key(body, args.stream().map(Type::isTensor).toList());
        return names.computeIfAbsent(key, k -> "fused$" + names.size());
    }

    private record RowKey(RowPassBody pass, List<Boolean> tensors) {}

    private final Map<RowKey, String> rowPasses = new LinkedHashMap<>();

    /** The name of the method computing row pass {@code pass} on arguments of these types. */
    String rowPassMethod(RowPassBody pass, List<Type> args) {
        RowKey key = new RowKey(pass, args.stream().map(Type::isTensor).toList());
        return rowPasses.computeIfAbsent(key, k -> "rowpass$" + rowPasses.size());
    }

    /** Every method asked for so far. */
    List<MethodDeclaration> methods() {
        List<MethodDeclaration> out = new ArrayList<>();
        names.forEach((key, name) -> out.add(StaticJavaParser.parseMethodDeclaration(source(name, key))));
        rowPasses.forEach((key, name) -> out.add(StaticJavaParser.parseMethodDeclaration(rowPassSource(name, key))));
        return out;
    }

    /**
     * A row pass: {@code RowBlocks} walks the rows of a0 block by block and computes the row dots; the loop fills
     * the block's residual element by element, as a fused loop would (see {@code RowBlocks}).
     */
    private String rowPassSource(String name, RowKey key) {
        List<Boolean> tensors = key.tensors();
        int dots = key.pass().dots();
        String tensor = refs.name(JavaTypes.TENSOR), blocks = refs.name("hyp.runtime.ops.RowBlocks");
        StringBuilder s = new StringBuilder("private static ").append(tensor).append(' ').append(name).append('(');
        for (int a = 0; a < tensors.size(); a++) {
            s.append(a > 0 ? ", " : "").append(tensors.get(a) ? tensor : "double").append(" a").append(a);
        }
        s.append(") {\n").append(blocks).append(" rb = ").append(blocks).append(".over(a0, ").append(dots).append(");\n");
        for (int k = 0; k < dots; k++) s.append("rb.dot(").append(k).append(", a").append(k + 1).append(");\n");
        for (int a = 1 + dots; a < tensors.size(); a++) {
            if (tensors.get(a)) s.append("double[] x").append(a).append(" = rb.rows(a").append(a).append(");\n");
        }
        s.append("double[] r = rb.residual;\nwhile (rb.next()) {\nint from = rb.from, len = rb.length;\n");
        for (int k = 0; k < dots; k++) s.append("double[] z").append(k).append(" = rb.dots[").append(k).append("];\n");
        s.append("for (int i = 0; i < len; i++) {\n");
        FusedBody body = key.pass().body();
        Expressions e = new Expressions(body, b -> b < dots ? "z" + b + "[i]"
                : tensors.get(1 + b) ? "x" + (1 + b) + "[from + i]" : "a" + (1 + b));
        int last = body.steps().size() - 1;
        for (int k = 0; k < last; k++) {
            if (e.reads[k] > 1) s.append("double t").append(k).append(" = ").append(e.step(k).text).append(";\n");
        }
        s.append("r[i] = ").append(e.step(last).text).append(";\n}\nrb.accumulate();\n}\nreturn rb.result();\n}\n");
        return s.toString();
    }

    private String source(String name, Key key) {
        List<Type> types = key.tensors().stream().map(t -> t ? (Type) Type.tensor() : Type.REAL).toList();
        FusedBody body = key.body();
        String tensor = refs.name(JavaTypes.TENSOR), loops = refs.name(LOOPS);
        StringBuilder s = new StringBuilder("private static ").append(tensor).append(' ').append(name).append('(');
        List<String> arrays = new ArrayList<>(List.of("out = result.data"));
        for (int a = 0; a < types.size(); a++) {
            s.append(a > 0 ? ", " : "").append(types.get(a).isTensor() ? tensor : "double").append(" a").append(a);
            if (types.get(a).isTensor() && body.readsElementsOf(a)) arrays.add("x" + a + " = a" + a + ".data");
        }
        s.append(") {\n");
        for (FusedBody.ShapeCheck c : body.shapeChecks(types)) {
            s.append(loops).append(".sameShape(\"").append(c.op()).append("\", a").append(c.first()).append(", a")
                    .append(c.second()).append(");\n");
        }
        s.append(tensor).append(" result = ").append(loops).append(".output(a").append(body.resultShapeSource(types)).append(");\n");
        s.append("double[] ").append(String.join(", ", arrays)).append(";\n");
        s.append("for (int i = 0; i < out.length; i++) {\n");
        Expressions e = new Expressions(body, a -> types.get(a).isTensor() ? "x" + a + "[i]" : "a" + a);
        int last = body.steps().size() - 1;
        for (int k = 0; k < last; k++) {
            if (e.reads[k] > 1) s.append("double t").append(k).append(" = ").append(e.step(k).text).append(";\n");
        }
        s.append("out[i] = ").append(e.step(last).text).append(";\n}\nreturn result;\n}\n");
        return s.toString();
    }

    /** Java text with the precedence of its outermost operator. */
    private record Text(String text, int precedence) {}

    private final class Expressions {
        private final FusedBody body;
        private final IntFunction<String> args;
        private final int[] reads;

        /** {@code args} gives the Java text of an argument's element at the current iteration. */
        Expressions(FusedBody body, IntFunction<String> args) {
            this.body = body;
            this.args = args;
            this.reads = new int[body.steps().size()];
            for (FusedBody.Step st : body.steps()) {
                for (FusedBody.Operand o : st.operands()) if (o instanceof FusedBody.Temp t) reads[t.step()]++;
            }
        }

        Text step(int k) {
            List<FusedBody.Operand> ops = body.steps().get(k).operands();
            if (body.steps().get(k).prim() == Prims.BROADCAST) return operand(ops.get(0));
            Emission e = body.scalarEmission(k);
            if (e instanceof Emission.Infix infix) {
                int prec = infix.symbol().equals("+") || infix.symbol().equals("-") ? SUM : PRODUCT;
                // left-associative: only the right operand needs parentheses at equal precedence
                return new Text(wrap(operand(ops.get(0)), prec) + " " + infix.symbol() + " " + wrap(operand(ops.get(1)), prec + 1), prec);
            }
            if (e instanceof Emission.Prefix p && p.symbol().equals("-")) {
                return new Text("-" + wrap(operand(ops.get(0)), ATOM), UNARY);
            }
            if (e instanceof Emission.Call c && c.constants().isEmpty()) {
                List<String> args = new ArrayList<>();
                for (FusedBody.Operand o : ops) args.add(operand(o).text);
                return new Text(refs.name(c.owner()) + "." + c.method() + "(" + String.join(", ", args) + ")", ATOM);
            }
            throw new IllegalStateException("a fused step cannot be computed by " + e);
        }

        private Text operand(FusedBody.Operand o) {
            if (o instanceof FusedBody.Temp t) return reads[t.step()] > 1 ? new Text("t" + t.step(), ATOM) : step(t.step());
            if (o instanceof FusedBody.Literal l) {
                String text = Literals.of(l.value(), Type.REAL, refs).toString();
                return new Text(text, text.startsWith("-") ? UNARY : ATOM);
            }
            return new Text(args.apply(((FusedBody.Arg) o).index()), ATOM);
        }
    }

    private static String wrap(Text t, int needed) {
        return t.precedence >= needed ? t.text : "(" + t.text + ")";
    }
}
