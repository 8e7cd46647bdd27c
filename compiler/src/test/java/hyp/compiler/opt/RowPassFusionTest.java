package hyp.compiler.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Row-pass fusion: which products it merges into one pass over X, how many passes over X the derivative code makes
 * then, and that the row-blocked code computes what the unfused code computes, in the evaluator and both back
 * ends, on enough rows for several blocks and a partial last block.
 */
class RowPassFusionTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -1
            def logistic(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def squared(w) = 0.5 * mean((X @ w - y)^2)
            def twice(w) = sum(tanh(X @ w) * (X @ (w * w)))
            """;
    /** 50 columns: 40 rows per block, so 1003 rows (392 KB, more than one block) are 25 full blocks and one of 3. */
    private static final Map<String, Integer> DIMS = Map.of("n", 1003, "d", 50);
    private static final List<Function> DEFS = Pipeline.lower(Pipeline.check(new SourceFile("rows.hyp", SOURCE)));

    private static Function def(String name) {
        return DEFS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static long count(Function f, hyp.compiler.prim.Primitive p) {
        long[] c = {0};
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Op op && op.prim() == p) c[0]++;
        });
        return c[0];
    }

    @Test
    void theAdjointReadsXForItsValueAndOnceForItsGradient() {
        Function adjoint = Derivatives.adjoint(def("squared"));
        Function fused = ElementwiseFusion.run(adjoint);
        assertEquals(2, count(fused, Prims.MATMUL), "X w and Xᵀ r before");
        Function rows = RowPassFusion.run(fused);
        assertEquals(1, count(rows, Prims.ROW_PASS));
        // the adjoint also returns the loss, whose X w stays a product of its own: two passes, as before, but the
        // gradient's own product is now computed in the row pass, from the rows it reads anyway
        assertEquals(1, count(rows, Prims.MATMUL));
        assertEquals(Map.of("X", 2, "y", 2), DataPasses.of(adjoint, Set.of("X", "y")));
    }

    @Test
    void aHessianVectorProductThatReturnsItsValuesKeepsTheirProducts() {
        Function hvp = Derivatives.hessianVector(def("logistic"));
        Function rows = BackEndPasses.run(hvp);
        assertEquals(2, count(rows, Prims.ROW_PASS), hyp.compiler.report.IrPrinter.print(rows));
        // the two row passes replace the two transposed products over X; X w and X v stay, as the function also
        // returns the loss value and its tangent: four passes over X instead of six
        assertEquals(6, count(ElementwiseFusion.run(hvp), Prims.MATMUL));
        assertEquals(4, count(rows, Prims.MATMUL));
        assertEquals(4, DataPasses.of(hvp, Set.of("X")).get("X"));
    }

    @Test
    void aGradientStepReadsXOnceInsteadOfTwice() {
        // the gradient of the step-like function w - 0.1 * Xᵀ(sigmoid(X w) - y) needs no value of X w elsewhere
        String src = "data X: real[n, d]\ndata y: real[n]\nparam w: real[d] = 0\n"
                + "def update(w) = w - 0.1 * ((sigmoid(X @ w) - y) @ X)\n";
        Function step = Pipeline.lower(Pipeline.check(new SourceFile("update.hyp", src))).get(0);
        assertEquals(2, count(ElementwiseFusion.run(step), Prims.MATMUL));
        assertEquals(Map.of("X", 1, "y", 1), DataPasses.of(step, Set.of("X", "y")));
        assertEquals(0, count(BackEndPasses.run(step), Prims.MATMUL));
    }

    private static Object randomValue(Type t, Random random) {
        if (t.isReal()) return random.nextGaussian();
        int[] shape = ((Type.Tensor) t).dims().stream().mapToInt(dim -> DIMS.get(dim.toString())).toArray();
        Tensor v = Tensor.zeros(shape);
        for (int i = 0; i < v.data.length; i++) v.data[i] = random.nextGaussian() * 0.3;
        return v;
    }

    @Test
    void rowBlockedCodeEqualsTheUnfusedCodeInEveryBackEnd() throws Exception {
        List<Function> all = new ArrayList<>();
        for (Function f : DEFS) {
            all.add(Derivatives.adjoint(f));
            all.add(Derivatives.hessianVector(f));
        }
        assertTrue(BackEndPasses.run(all).stream().mapToLong(f -> count(f, Prims.ROW_PASS)).sum() >= 2 * DEFS.size());
        byte[] bytes = BytecodeBackend.compile("hyp.generated.Rows", all);
        Verification.verify(bytes, getClass().getClassLoader());
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader()).define("hyp.generated.Rows", bytes);
        Class<?> java = InMemoryJavac.compile("gen.Rows", JavaSourceBackend.generate("gen.Rows", all).source());
        Random random = new Random(11);
        for (Function f : all) {
            List<Object> args = new ArrayList<>();
            for (var p : f.params()) args.add(randomValue(p.type(), random));
            Object[] expected = (Object[]) Interpreter.run(f, args); // unfused: one kernel per op
            List<Object[]> got = List.of((Object[]) Interpreter.run(BackEndPasses.run(f), args),
                    (Object[]) Invoker.call(bytecode, f.name(), args.toArray()),
                    (Object[]) Invoker.call(java, f.name(), args.toArray()));
            for (Object[] actual : got) {
                for (int k = 0; k < expected.length; k++) {
                    double[] e = values(expected[k]), a = values(actual[k]);
                    for (int i = 0; i < e.length; i++) {
                        // the same operations in the same order (RowBlocks): equal to the last bit, well within 1e-12
                        assertTrue(Math.abs(e[i] - a[i]) <= 1e-12 * Math.max(1, Math.abs(e[i])), f.name() + " result " + k);
                        assertEquals(e[i], a[i], 0.0, f.name() + " result " + k + " entry " + i);
                    }
                }
            }
        }
    }

    private static double[] values(Object o) {
        return o instanceof Tensor t ? t.data : new double[] {(Double) o};
    }

    @Test
    void aRowVectorOfTheWrongLengthIsNamed() throws Exception {
        Function adjoint = Derivatives.adjoint(def("squared"));
        Random random = new Random(3);
        List<Object> args = new ArrayList<>();
        for (var p : adjoint.params()) args.add(randomValue(p.type(), random));
        int yAt = adjoint.paramNames().indexOf("y");
        args.set(yAt, Tensor.zeros(7));
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader())
                .define("hyp.generated.Bad", BytecodeBackend.compile("hyp.generated.Bad", List.of(adjoint)));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> Invoker.call(bytecode, adjoint.name(), args.toArray()));
        assertTrue(e.getMessage().contains("[7]"), e.getMessage());
    }
}
