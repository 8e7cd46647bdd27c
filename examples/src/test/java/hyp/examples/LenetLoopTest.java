package hyp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.java.InMemoryJavac;
import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LeNet's loss written per image, {@code for i in 0..n { s = s + nll(X[i], Y[i]) }}, is recognised as a reduction
 * over independent images and compiled to the batched code of {@code mean(map(nll, X, Y))} (the same primitives in
 * its gradient, but for the mean): its value, gradient and Hessian-vector product equal the map form's and the
 * loop's run image by image to 1e-12, and bytecode, Java source and the interpreter agree on them bit for bit.
 */
class LenetLoopTest {
    private static final int IMAGES = 3;
    private static final String LOOPED = """

            def looped_loss() -> real {
                s = 0.0
                for i in 0..n { s = s + nll(X[i], Y[i]) }
                return s / n
            }
            """;

    @Test
    void perImageLoopIsBatchedAndAgreesWithTheMapFormAndTheLoop() throws Exception {
        String source = Files.readString(Examples.file("lenet/none.hyp")) + LOOPED;
        CheckedProgram program = Pipeline.check(new SourceFile("lenet.hyp", source));
        Function map = Pipeline.lower(program, "train_loss"), loop = Pipeline.lower(program, "looped_loss");
        Function rowByRow = keepingLoops(() -> Pipeline.lower(program, "looped_loss"));
        assertEquals(0, loops(loop), "the per-image loop should be batched");
        assertEquals(1, loops(rowByRow), "with hyp.batchLoops=false the loop stays");
        // the same batched code as map: the same primitives, but for mean against sum then / n
        assertEquals(primitives(Derivatives.adjoint(map)), primitives(Derivatives.adjoint(loop)), "the gradient's primitives");

        Map<String, Object> at = new HashMap<>(), dir = new HashMap<>();
        Random rnd = new Random(9);
        for (Function f : List.of(map, loop)) {
            inputs(f, at, rnd, 0.3);
            inputs(f, dir, rnd, 1.0);
        }
        List<Function> all = new ArrayList<>();
        List<List<Object>> args = new ArrayList<>();
        for (Function f : List.of(map, loop, rowByRow)) {
            Function named = new Function(f == rowByRow ? "row_by_row" : f.name(), f.paramNames(), f.body());
            List<Object> x = new ArrayList<>(), v = new ArrayList<>();
            for (String n : f.paramNames()) {
                x.add(at.get(n));
                v.add(dir.get(n));
            }
            List<Object> seeded = new ArrayList<>(x);
            seeded.add(1.0);
            List<Object> hvp = new ArrayList<>(seeded);
            hvp.addAll(v);
            hvp.add(0.0);
            all.addAll(List.of(named, Derivatives.adjoint(named), Derivatives.hessianVector(named)));
            args.addAll(List.of(x, seeded, hvp));
        }
        String name = "hyp.generated.LenetLoop";
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader()).define(name, BytecodeBackend.compile(name, all));
        Class<?> javac = InMemoryJavac.compile(name, JavaSourceBackend.generate(name, all).source());

        Map<String, Object[]> results = new HashMap<>();
        for (int k = 0; k < all.size(); k++) {
            Function f = all.get(k);
            Object[] in = args.get(k).toArray();
            Object[] expected = asArray(Interpreter.run(f, args.get(k)));
            assertBits(expected, asArray(Invoker.call(bytecode, f.name(), in)), f.name() + " (bytecode)");
            assertBits(expected, asArray(Invoker.call(javac, f.name(), in)), f.name() + " (Java source)");
            results.put(f.name(), expected);
        }
        assertEquals(map.paramNames(), loop.paramNames(), "both forms read the same inputs, so their gradients line up");
        for (String reference : List.of("train_loss", "row_by_row")) {
            for (String suffix : List.of("_vjp", "_vjp_jvp")) {
                Object[] want = results.get(reference + suffix), got = results.get("looped_loss" + suffix);
                assertEquals(want.length, got.length);
                for (int i = 0; i < want.length; i++) {
                    close(want[i], got[i], "looped_loss" + suffix + " result " + i + " against " + reference);
                }
            }
        }
    }

    private static void inputs(Function f, Map<String, Object> values, Random rnd, double scale) {
        for (int i = 0; i < f.params().size(); i++) {
            Type t = f.params().get(i).type();
            values.computeIfAbsent(f.paramNames().get(i), n -> {
                List<Dim> dims = ((Type.Tensor) t).dims();
                int[] shape = new int[dims.size()];
                for (int d = 0; d < shape.length; d++) shape[d] = dims.get(d).symbolic() ? IMAGES : dims.get(d).size();
                Tensor x = Tensor.zeros(shape);
                for (int e = 0; e < x.data.length; e++) x.data[e] = scale * rnd.nextGaussian();
                return x;
            });
        }
    }

    private static Object[] asArray(Object o) {
        return o instanceof Object[] a ? a : new Object[] {o};
    }

    private static void assertBits(Object[] expected, Object[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] instanceof Double d) {
                assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual[i]), what + " result " + i);
            } else {
                assertEquals(expected[i], actual[i], what + " result " + i);
            }
        }
    }

    private static void close(Object expected, Object actual, String what) {
        double[] e = expected instanceof Double d ? new double[] {d} : ((Tensor) expected).data;
        double[] a = actual instanceof Double d ? new double[] {d} : ((Tensor) actual).data;
        assertEquals(e.length, a.length, what);
        double scale = 1e-3, err = 0;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            err = Math.max(err, Math.abs(e[i] - a[i]));
        }
        assertTrue(err <= 1e-12 * scale, what + ": error " + err + " at scale " + scale);
    }

    private static <T> T keepingLoops(java.util.function.Supplier<T> lower) {
        System.setProperty("hyp.batchLoops", "false");
        try {
            return lower.get();
        } finally {
            System.clearProperty("hyp.batchLoops");
        }
    }

    /** How often each primitive occurs, leaving out those that take the mean (mean; sum, size, to real, div). */
    private static Map<String, Integer> primitives(Function f) {
        Map<String, Integer> count = new java.util.TreeMap<>();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Op op) count.merge(op.prim().name(), 1, Integer::sum);
        });
        count.keySet().removeAll(List.of("mean", "sum", "size", "real", "div"));
        return count;
    }

    private static int loops(Function f) {
        int[] count = {0};
        IrWalk.nodes(f.body(), n -> count[0] += n instanceof Node.For ? 1 : 0);
        return count[0];
    }
}
