package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.Main;
import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.NonFiniteValueException;
import hyp.runtime.hyper.TuningListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded solver checks its arguments on entry: λ of the wrong length is never padded or cut, nulls and
 * invalid numbers are rejected by name, a misshapen value is named, and a diverging run is a named exception.
 */
class SolverArgumentsTest {
    private static final String SOURCE = """
            data X: real[n, 3]
            data y: real[n]
            param a: real[3] = 0
            hyper rho: real[3] = 0
            hyper c: real = 0
            def train_loss(a, rho) = mean((X @ a - y)^2) + 0.5 * sum(exp(rho) * a^2)
            def valid_loss(a, c) = mean((X @ a - y)^2) + 0 * c
            train a on train_loss by sgd(lr = 0.1) for 20 steps
            tune rho, c on valid_loss by sgd(lr = 0.1) for 2 rounds using unrolled
            """;

    @TempDir
    static Path dir;
    private static Class<?> generated;

    @BeforeAll
    static void compile() throws Exception {
        generated = compile("Args", SOURCE);
    }

    private static Class<?> compile(String name, String source) throws Exception {
        Path file = dir.resolve(name.toLowerCase() + ".hyp");
        Files.writeString(file, source);
        Path jar = dir.resolve(name.toLowerCase() + ".jar");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"compile", file.toString(), "-o", jar.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)), err.toString());
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SolverArgumentsTest.class.getClassLoader());
        return loader.loadClass("hyp.generated." + name);
    }

    private static Solver solver() {
        double[] x = new double[12], y = new double[4];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i + 1);
        for (int i = 0; i < y.length; i++) y[i] = Math.cos(i);
        return Solver.load(generated).data("X", new Tensor(x, 4, 3)).data("y", new Tensor(y, 4));
    }

    private static String failure(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void lambdaOfTheWrongLengthIsRejectedWithBothLengths() {
        Solver s = solver();
        assertEquals(4, s.hyperVector().length);
        assertEquals("Solver.validationLoss: hyper has 3 entries but λ has 4 (rho[3], c)",
                failure(IllegalArgumentException.class, () -> s.validationLoss(new double[3])));
        assertEquals("Solver.validationLoss: hyper has 5 entries but λ has 4 (rho[3], c)",
                failure(IllegalArgumentException.class, () -> s.validationLoss(new double[5])));
        assertEquals("Solver.named: flat has 1 entry but λ has 4 (rho[3], c)",
                failure(IllegalArgumentException.class, () -> s.named(new double[1])));
        double loss = s.validationLoss(s.hyperVector());
        assertTrue(Double.isFinite(loss) && loss > 0, "the right length still runs: " + loss);
    }

    @Test
    void nonFiniteLambdaEntriesAndNumbersAreRejectedByName() {
        Solver s = solver();
        double[] lambda = {0, Double.NaN, 0, 0};
        assertEquals("Solver.validationLoss: hyper[1] (rho[1]) is NaN; λ must be finite",
                failure(IllegalArgumentException.class, () -> s.validationLoss(lambda)));
        assertEquals("hyper 'c' must be finite, got Infinity",
                failure(IllegalArgumentException.class, () -> s.hyper("c", Double.POSITIVE_INFINITY)));
        assertEquals("Solver.hypergradient: steps must be >= 0, got -1",
                failure(IllegalArgumentException.class, () -> s.hypergradient("implicit", -1)));
        assertEquals("Solver.hypergradient: steps must be >= 0, got -3",
                failure(IllegalArgumentException.class, () -> s.hypergradient("unrolled", -3)));
        assertEquals("Solver.tune: rounds must be >= 1, got 0",
                failure(IllegalArgumentException.class, () -> s.tune(0, TuningListener.NONE)));
    }

    @Test
    void nullArgumentsAreRejectedEarlyByName() {
        Solver s = solver();
        assertEquals("Solver.data: name must not be null",
                failure(NullPointerException.class, () -> s.data(null, new Tensor(new double[1], 1))));
        assertEquals("Solver.data: the value of data 'X' must not be null",
                failure(NullPointerException.class, () -> s.data("X", null)));
        assertEquals("Solver.hyper: the value of hyper 'rho' must not be null",
                failure(NullPointerException.class, () -> s.hyper("rho", (Tensor) null)));
        assertEquals("Solver.param: the value of param 'a' must not be null",
                failure(NullPointerException.class, () -> s.param("a", null)));
        assertEquals("Solver.validationLoss: hyper must not be null",
                failure(NullPointerException.class, () -> s.validationLoss(null)));
        assertEquals("Solver.hypergradient: method must not be null",
                failure(NullPointerException.class, () -> s.hypergradient(null)));
        assertEquals("Solver.tune: listener must not be null",
                failure(NullPointerException.class, () -> s.tune(null)));
        assertEquals("Solver.dataDirectory: dir must not be null",
                failure(NullPointerException.class, () -> s.dataDirectory(null)));
        assertEquals("Solver.load: className must not be null",
                failure(NullPointerException.class, () -> Solver.load((String) null)));
    }

    @Test
    void theMisshapenTensorIsNamed() {
        Solver s = Solver.load(generated).data("X", new Tensor(new double[15], 5, 3));
        String both = failure(IllegalArgumentException.class, () -> s.data("y", new Tensor(new double[4], 4)));
        assertTrue(both.contains("data 'y' has shape [4]") && both.contains("data 'X', given before, has shape [5, 3]"),
                both);
        String rho = failure(IllegalArgumentException.class, () -> solver().hyper("rho", new Tensor(new double[4], 4)));
        assertTrue(rho.startsWith("hyper 'rho' has shape [4]"), rho);
    }

    @Test
    void aDivergingRunIsANamedExceptionAtItsFirstStep() throws Exception {
        Class<?> diverging = compile("Diverging", SOURCE.replace("sgd(lr = 0.1) for 20", "sgd(lr = 40) for 400"));
        double[] x = new double[12], y = new double[4];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i + 1);
        for (int i = 0; i < y.length; i++) y[i] = Math.cos(i);
        Solver s = Solver.load(diverging).data("X", new Tensor(x, 4, 3)).data("y", new Tensor(y, 4));
        int first = firstNonFiniteStep(x, y, 40);
        for (String method : new String[] {"unrolled", "tree", "implicit"}) {
            NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> s.hypergradient(method));
            assertEquals(first, e.step(), method + ": " + e.getMessage());
            assertEquals("state 'a'", e.quantity(), e.getMessage());
            assertTrue(e.entry().startsWith("a["), e.getMessage());
        }
        NonFiniteValueException v = assertThrows(NonFiniteValueException.class, () -> s.validationLoss(s.hyperVector()));
        assertEquals(first, v.step(), v.getMessage());
    }

    /** Gradient descent on mean((Xa − y)²) + ½Σa² from a = 0, in plain Java: the first step with a non-finite a. */
    private static int firstNonFiniteStep(double[] x, double[] y, double lr) {
        double[] a = new double[3];
        for (int t = 1; t <= 400; t++) {
            double[] g = new double[3];
            for (int i = 0; i < 4; i++) {
                double r = -y[i];
                for (int j = 0; j < 3; j++) r += x[i * 3 + j] * a[j];
                for (int j = 0; j < 3; j++) g[j] += 2 * r * x[i * 3 + j] / 4;
            }
            for (int j = 0; j < 3; j++) a[j] -= lr * (g[j] + a[j]);
            if (!Arrays.stream(a).allMatch(Double::isFinite)) return t;
        }
        throw new AssertionError("the reference run did not diverge in 400 steps");
    }
}
