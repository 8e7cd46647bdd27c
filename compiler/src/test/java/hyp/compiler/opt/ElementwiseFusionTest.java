package hyp.compiler.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.bytecode.Verification;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.java.InMemoryJavac;
import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fusion of element-wise chains: which ops it merges, and that the fused code computes the same numbers as the
 * unfused code in the evaluator, the bytecode and the Java-source back end (element-wise results are exactly
 * rounded per element, so equality is bitwise), derivative code included.
 */
class ElementwiseFusionTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -1
            param W1: real[d, h] = 0
            param w2: real[h] = 0
            def logistic(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def net(W1, w2) = sum(tanh(X @ W1) @ w2)
            def shared(w) = sum(exp(w) * exp(w) + 2.0 * w - w / (1 + w^2))
            def kept(w) = sum(exp(w)) + sum(exp(w) * w + 1)
            def mixed(w, rho) = sum(sqrt(abs(w) + 1) * sigmoid(rho) - log1p(w * w) / max(rho, 0.5) + min(w, rho))
            def branchy(w, rho) -> real {
                if sum(w) > 0 { v = exp(w) * rho + 1 } else { v = max(w, rho) - relu(w) }
                return sum(v * v)
            }
            def looped(w) -> real {
                s = w
                for i in 0..3 { s = tanh(s) * 0.5 + w }
                return sum(s)
            }
            """;
    private static final Map<String, Integer> DIMS = Map.of("n", 7, "d", 5, "h", 4);
    private static final List<Function> DEFS = Pipeline.lower(Pipeline.check(new SourceFile("fusion.hyp", SOURCE)));

    private static Function def(String name) {
        return DEFS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Node.Op> ops(Function f) {
        List<Node.Op> out = new ArrayList<>();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Op op) out.add(op);
        });
        return out;
    }

    private static List<String> fusedBodies(Function f) {
        return ops(f).stream().filter(op -> op.prim() == Prims.FUSED).map(op -> op.attr().toString()).toList();
    }

    @Test
    void theLogisticLossBecomesTwoLoopsAroundTheProduct() {
        Function fused = ElementwiseFusion.run(def("logistic"));
        assertEquals(List.of("softplus(-$0 * $1)", "exp($0) * $1 ^ 2.0"), fusedBodies(fused));
        List<String> prims = ops(fused).stream().filter(op -> op.out().type().isTensor()).map(op -> op.prim().name()).toList();
        assertEquals(List.of("matmul", "fused", "fused"), prims, "no element-wise tensor op is left on its own");
    }

    @Test
    void aValueReadTwiceIsComputedOnceAndOneReadOutsideKeepsItsTensor() {
        Function shared = ElementwiseFusion.run(Simplify.run(def("shared")));
        assertEquals(List.of("t0 = exp($0); t0 * t0 + 2.0 * $0 - $0 / (1.0 + $0 ^ 2.0)"), fusedBodies(shared));
        Function kept = ElementwiseFusion.run(Simplify.run(def("kept")));
        assertEquals(List.of("$0 * $1 + 1.0"), fusedBodies(kept), "exp(w) is also summed, so it stays a tensor");
        assertTrue(ops(kept).stream().anyMatch(op -> op.prim() == Prims.EXP && op.out().type().isTensor()));
    }

    @Test
    void regionsFuseInsideThemselves() {
        assertEquals(List.of("exp($0) * $1 + 1.0", "max($0, $1) - relu($0)"), fusedBodies(ElementwiseFusion.run(def("branchy"))));
        assertEquals(List.of("tanh($0) * 0.5 + $1"), fusedBodies(ElementwiseFusion.run(def("looped"))));
    }

    @Test
    void aSpreadScalarIsNotMadeIntoATensor() {
        // the adjoint of mean spreads bar / n over the vector; the fused loop reads the scalar instead
        Function adjoint = ElementwiseFusion.run(Derivatives.adjoint(def("logistic")));
        assertTrue(ops(adjoint).stream().noneMatch(op -> op.prim() == Prims.BROADCAST), fusedBodies(adjoint).toString());
        assertTrue(fusedBodies(adjoint).contains("$1 * sigmoid($0)"), fusedBodies(adjoint).toString());
    }

    /** Every def with its adjoint, tangent and Hessian-vector code. */
    private static List<Function> allCode() {
        List<Function> all = new ArrayList<>();
        for (Function f : DEFS) {
            all.add(f);
            all.add(Derivatives.adjoint(f));
            all.add(Derivatives.tangent(f));
            all.add(Derivatives.hessianVector(f));
        }
        return all;
    }

    private static Object randomValue(Type t, Random random, int bump) {
        if (t.isReal()) return random.nextGaussian();
        Type.Tensor tensor = (Type.Tensor) t;
        int[] shape = tensor.dims().stream().mapToInt(dim -> DIMS.get(dim.toString())).toArray();
        if (bump != 0) shape[0] += bump;
        Tensor v = Tensor.zeros(shape);
        for (int i = 0; i < v.data.length; i++) v.data[i] = random.nextGaussian();
        return v;
    }

    @Test
    void fusedCodeComputesTheSameNumbersInEveryBackEnd() throws Exception {
        List<Function> all = allCode();
        List<Function> fused = ElementwiseFusion.run(all);
        assertTrue(fused.stream().mapToLong(f -> fusedBodies(f).size()).sum() > 2 * DEFS.size(), "fusion happened");
        byte[] bytes = BytecodeBackend.compile("hyp.generated.Fusion", all);
        Verification.verify(bytes, getClass().getClassLoader());
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader()).define("hyp.generated.Fusion", bytes);
        Class<?> java = InMemoryJavac.compile("gen.Fusion", JavaSourceBackend.generate("gen.Fusion", all).source());
        Random random = new Random(5);
        for (int f = 0; f < all.size(); f++) {
            for (int trial = 0; trial < 3; trial++) {
                List<Object> args = new ArrayList<>();
                for (var p : all.get(f).params()) args.add(randomValue(p.type(), random, 0));
                String name = all.get(f).name();
                Object expected = Interpreter.run(all.get(f), args);
                assertDeepEquals(expected, Interpreter.run(fused.get(f), args), name + ": evaluator on fused code");
                assertDeepEquals(expected, Invoker.call(bytecode, name, args.toArray()), name + ": bytecode");
                assertDeepEquals(expected, Invoker.call(java, name, args.toArray()), name + ": Java source");
            }
        }
    }

    private static void assertDeepEquals(Object expected, Object actual, String what) {
        Object[] e = expected instanceof Object[] a ? a : new Object[] {expected};
        Object[] g = actual instanceof Object[] a ? a : new Object[] {actual};
        assertTrue(Arrays.deepEquals(e, g), what + ": " + Arrays.deepToString(e) + " vs " + Arrays.deepToString(g));
    }

    @Test
    void shapeErrorsNameTheOpTheUnfusedCodeWouldHaveFailedOn() throws Exception {
        Function f = def("mixed");
        Random random = new Random(9);
        List<Object> args = List.of(randomValue(f.params().get(0).type(), random, 0), randomValue(f.params().get(1).type(), random, 2));
        // every back end keeps the op's message and adds the arguments at fault, by their parameter names
        String expected = "mul: shapes [5] and [7] differ (calling mixed: arguments 'w' and 'rho' disagree on d: 5 in w"
                + " (shape [5]) but 7 in rho (shape [7]))";
        assertEquals(expected, assertThrows(ShapeMismatchException.class, () -> Interpreter.run(f, args)).getMessage());
        assertEquals(expected, assertThrows(ShapeMismatchException.class,
                () -> Interpreter.run(ElementwiseFusion.run(f), args)).getMessage());
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader())
                .define("hyp.generated.Mixed", BytecodeBackend.compile("hyp.generated.Mixed", List.of(f)));
        assertEquals(expected, assertThrows(ShapeMismatchException.class,
                () -> Invoker.call(bytecode, "mixed", args.toArray())).getMessage());
    }

    @Test
    void theEmittedJavaShowsTheLoop() {
        String src = JavaSourceBackend.generate("gen.Logistic", List.of(def("logistic"))).source();
        assertTrue(src.contains("Tensor v7 = fused$0(y, v5);"), src);
        assertTrue(src.contains("private static Tensor fused$0(Tensor a0, Tensor a1) {"), src);
        assertTrue(src.contains("FusedLoops.sameShape(\"mul\", a0, a1);"), src);
        assertTrue(src.contains("for (int i = 0; i < out.length; i++) {"), src);
        assertTrue(src.contains("out[i] = Scalars.softplus(-x0[i] * x1[i]);"), src);
        assertTrue(src.contains("out[i] = Math.exp(x0[i]) * Scalars.pow(x1[i], 2.0);"), src);
        String unfused = JavaSourceBackend.generate("gen.Logistic", List.of(def("logistic")), false).source();
        assertTrue(unfused.contains("TensorMath.softplus(") && !unfused.contains("fused$"), unfused);
    }

    @Test
    void longChainsAreSplitSoEachLoopFitsTheJvmLimits() {
        StringBuilder chain = new StringBuilder("w");
        for (int k = 0; k < 260; k++) chain.append(k % 2 == 0 ? " * 0.999 + w" : " - 0.5 * w");
        String source = "param w: real[d] = 0\ndef long(w) = sum(" + chain + ")\n";
        Function f = Pipeline.lower(Pipeline.check(new SourceFile("long.hyp", source))).get(0);
        Function fused = ElementwiseFusion.run(f);
        List<Node.Op> loops = ops(fused).stream().filter(op -> op.prim() == Prims.FUSED).toList();
        assertTrue(loops.size() > 1, loops.size() + " loops");
        for (Node.Op op : loops) {
            assertTrue(((FusedBody) op.attr()).steps().size() <= ElementwiseFusion.MAX_STEPS + 2, op.attr().toString());
        }
        Class<?> c = new GeneratedClassLoader(getClass().getClassLoader())
                .define("hyp.generated.Long", BytecodeBackend.compile("hyp.generated.Long", List.of(f)));
        Tensor w = Tensor.vector(0.25, -1.5, 3);
        assertEquals(Interpreter.run(f, List.of(w)), Invoker.call(c, "long", w));
    }

    @Test
    void fusedOpsAreNeverDifferentiatedNorMadeComplex() {
        Function fused = ElementwiseFusion.run(def("logistic"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Derivatives.adjoint(fused));
        assertTrue(e.getMessage().contains("after every derivative and complex-step transformation"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Derivatives.tangent(fused));
        Node.Op op = ops(fused).stream().filter(o -> o.prim() == Prims.FUSED).findFirst().orElseThrow();
        assertThrows(IllegalStateException.class,
                () -> Prims.FUSED.complexEmission(op.args().stream().map(v -> v.type()).toList(), op.attr()));
    }
}
