package hyp.compiler.lower;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;

import static hyp.compiler.testing.LossDerivatives.assertClose;
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
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.Compiled;
import hyp.compiler.testing.LossDerivatives;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For loops that sum a per-row term over the rows of data ({@link ReductionLoops}) become batched code: no loop is
 * left, and value, gradient and Hessian-vector product equal both the {@code map} form of the same loss and the
 * loop run one row per trip to 1e-12; the three back ends agree on the batched code bit for bit. Loops whose trips
 * are not independent, or whose body branches on a row, stay loops and still compute the right thing.
 */
class ReductionLoopsTest {
    private static final int ROWS = 6;

    private static final String SOURCE = """
            data X: real[n, 4]
            data Y: real[n, 3]
            data y: real[n]
            data P: real[n, 36]
            param W: real[5, 4] = randn(0.5)
            param c: real[5] = 0.1
            param V: real[3, 5] = randn(0.5)
            param w: real[4] = 0.2
            param F: real[2, 1, 3, 3] = randn(0.3)
            param U: real[3, 8] = randn(0.3)
            hyper r: real = -1

            def logits(x: real[4]) -> real[3] = V @ tanh(W @ x + c)
            def nll(x: real[4], t: real[3]) = logsumexp(logits(x)) - t @ logits(x)
            def logistic(x: real[4], t: real) = softplus(-t * (x @ w))
            def convnet(p: real[36], t: real[3]) -> real {
                h = avgpool2(sigmoid(conv2d(reshape(p, 1, 6, 6), F) + 0.5))
                z = U @ flatten(h) + sum(c)
                return logsumexp(z) - t @ z
            }

            def mlp_map() = mean(map(nll, X, Y)) + 0.5 * sum(W^2)
            def mlp_loop() -> real {
                s = 0.0
                for i in 0..n { s = s + nll(X[i], Y[i]) }
                return s / n + 0.5 * sum(W^2)
            }
            def logistic_map() = exp(r) * sum(w^2) + sum(map(logistic, X, y))
            def logistic_loop() -> real {
                s = exp(r) * sum(w^2)
                for i in 0..n { s = s + softplus(-y[i] * (X[i] @ w)) }
                return s
            }
            def convnet_map() = mean(map(convnet, P, Y))
            def convnet_loop() -> real {
                s = 0.0
                for i in 0..n { s = convnet(P[i], Y[i]) + s }
                return s / n
            }
            def scores_map() = sum(tanh(map(logits, X)) * Y)
            def scores_loop() -> real {
                s = zeros(3)
                for i in 0..n { s = s + tanh(logits(X[i])) * Y[i] }
                return sum(s)
            }

            def decayed() -> real {
                s = 0.0
                for i in 0..n { s = 0.5 * s + logistic(X[i], y[i]) }
                return s
            }
            def counted() -> real {
                s = 0.0
                k = 0.0
                for i in 0..n {
                    k = k + 1
                    s = s + k * logistic(X[i], y[i])
                }
                return s
            }
            def indexed() -> real {
                s = 0.0
                for i in 0..n { s = s + i * logistic(X[i], y[i]) }
                return s
            }
            def hinge(x: real[4], t: real) -> real {
                if t * (x @ w) > 1 { return 0.0 }
                return 1 - t * (x @ w)
            }
            def branching() -> real {
                s = 0.0
                for i in 0..n { s = s + hinge(X[i], y[i]) }
                return s
            }
            """;

    private static final LossDerivatives BATCHED = new LossDerivatives(new Compiled(SOURCE));
    private static final LossDerivatives LOOPS = new LossDerivatives(Compiled.keepingLoops(SOURCE));

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "logistic", "convnet", "scores"})
    void reductionLoopIsBatchedAndEqualsTheMapFormAndTheLoop(String loss) {
        String map = loss + "_map", loop = loss + "_loop";
        assertEquals(0, loops(BATCHED.function(loop)), loop + " should have become batched code");
        assertEquals(1, loops(LOOPS.function(loop)), loop + " compiled with its loop kept");

        Random rnd = new Random(loss.hashCode());
        Map<String, Object> at = new HashMap<>(), dir = new HashMap<>();
        for (String f : List.of(map, loop)) {
            LossDerivatives.randomInputs(BATCHED.function(f), at, rnd, 0.8, ROWS);
            LossDerivatives.randomInputs(BATCHED.function(f), dir, rnd, 1.0, ROWS);
        }
        Map<String, Object> g = BATCHED.gradient(loop, at);
        Map<String, Object> h = BATCHED.hessianVector(loop, at, dir);
        List<Map<String, Object>> references = List.of(BATCHED.gradient(map, at), LOOPS.gradient(loop, at));
        List<Map<String, Object>> hvps = List.of(BATCHED.hessianVector(map, at, dir), LOOPS.hessianVector(loop, at, dir));
        for (int k = 0; k < 2; k++) {
            String against = k == 0 ? " against the map form" : " against the loop run row by row";
            assertClose(references.get(k).get(""), g.get(""), 1e-12, loss + " value" + against);
            for (String name : g.keySet()) {
                assertClose(references.get(k).get(name), g.get(name), 1e-12, loss + " gradient in " + name + against);
            }
            for (String name : h.keySet()) {
                assertClose(hvps.get(k).get(name), h.get(name), 1e-12, loss + " Hessian-vector in " + name + against);
            }
        }
    }

    /**
     * A carried dependency (s decays), a second carried value (k counts), the index read as a number, and a branch
     * on the row's value: none is a sum of independent per-row terms, so each stays a loop, and its value and
     * gradient in w are those of the same recurrence computed here directly and by central differences.
     */
    @ParameterizedTest
    @ValueSource(strings = {"decayed", "counted", "indexed", "branching"})
    void loopThatIsNotAReductionStaysALoopAndIsRight(String def) {
        assertEquals(1, loops(BATCHED.function(def)), def + " must not be batched");
        Random rnd = new Random(def.hashCode());
        Map<String, Object> at = new HashMap<>();
        LossDerivatives.randomInputs(BATCHED.function(def), at, rnd, 0.8, ROWS);
        Tensor x = (Tensor) at.get("X"), t = (Tensor) at.get("y"), w = (Tensor) at.get("w");

        Map<String, Object> g = BATCHED.gradient(def, at);
        assertEquals(recurrence(def, x, t, w.data), (Double) g.get(""), 1e-12, def + " value");
        double[] fd = new double[4];
        double h = 1e-6;
        for (int j = 0; j < 4; j++) {
            double[] plus = w.data.clone(), minus = w.data.clone();
            plus[j] += h;
            minus[j] -= h;
            fd[j] = (recurrence(def, x, t, plus) - recurrence(def, x, t, minus)) / (2 * h);
        }
        assertClose(new Tensor(fd, new int[] {4}), g.get("w"), 1e-7, def + " gradient in w against central differences");
    }

    /** The loss computed here, trip by trip, from the same inputs. */
    private static double recurrence(String def, Tensor x, Tensor t, double[] w) {
        double s = 0, k = 0;
        for (int i = 0; i < ROWS; i++) {
            double margin = 0;
            for (int j = 0; j < 4; j++) margin += x.data[4 * i + j] * w[j];
            margin *= t.data[i];
            double logistic = Math.log1p(Math.exp(-margin));
            switch (def) {
                case "decayed" -> s = 0.5 * s + logistic;
                case "counted" -> s = s + (++k) * logistic;
                case "indexed" -> s = s + i * logistic;
                default -> s = s + (margin > 1 ? 0 : 1 - margin);
            }
        }
        return s;
    }

    /** The batched loops, their adjoint, tangent and Hessian-vector code: bytecode = Java source = interpreter. */
    @Test
    void backEndsAgreeBitForBitOnBatchedLoops() throws Exception {
        CheckedProgram program = Pipeline.check(new SourceFile("loops.hyp", SOURCE));
        List<Function> functions = new ArrayList<>();
        for (String loss : List.of("mlp", "logistic", "convnet", "scores")) {
            Function f = Pipeline.lower(program, loss + "_loop");
            assertEquals(0, loops(f), f.name());
            functions.addAll(List.of(f, Derivatives.adjoint(f), Derivatives.tangent(f), Derivatives.hessianVector(f)));
        }
        String name = "hyp.generated.ReductionLoops";
        byte[] bytes = BytecodeBackend.compile(name, functions);
        Verification.verify(bytes, getClass().getClassLoader());
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader()).define(name, bytes);
        Class<?> javac = InMemoryJavac.compile(name, JavaSourceBackend.generate(name, functions).source());
        Random rnd = new Random(3);
        for (Function f : functions) {
            for (int trial = 0; trial < 3; trial++) {
                Map<String, Object> values = new HashMap<>();
                LossDerivatives.randomInputs(f, values, rnd, 0.8, 2 + trial * 3);
                List<Object> args = new ArrayList<>();
                for (int i = 0; i < f.params().size(); i++) args.add(values.get(f.paramNames().get(i)));
                Object expected = Interpreter.run(f, args);
                assertBits(expected, Invoker.call(bytecode, f.name(), args.toArray()), f.name() + " (bytecode)");
                assertBits(expected, Invoker.call(javac, f.name(), args.toArray()), f.name() + " (Java source)");
            }
        }
    }

    private static void assertBits(Object expected, Object actual, String what) {
        if (expected instanceof Object[] e) {
            Object[] a = (Object[]) actual;
            assertEquals(e.length, a.length, what);
            for (int i = 0; i < e.length; i++) assertBits(e[i], a[i], what + " result " + i);
        } else if (expected instanceof Double d) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual), what + ": " + d + " vs " + actual);
        } else {
            assertTrue(expected.equals(actual), what + ": " + expected + " vs " + actual);
        }
    }

    private static int loops(Function f) {
        int[] count = {0};
        IrWalk.nodes(f.body(), n -> count[0] += n instanceof Node.For ? 1 : 0);
        return count[0];
    }
}
