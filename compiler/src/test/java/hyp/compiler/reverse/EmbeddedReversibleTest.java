package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.Main;
import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reversible learning from a model jar alone: the solver rebuilds the update sequence from the jar's wiring and
 * increment class, and must give what {@code hyp hypergrad --method reversible} gives with the compiler (the same
 * fixed-point run, so to rounding of the JSON), and agree with unrolled differentiation of the double run to the
 * reversible strategy's 1e-6. A step the compiler cannot invert leaves the jar without a reversible part.
 */
class EmbeddedReversibleTest {
    private static final int D = 10;
    /** Momentum with an until rule on w, the last update's target, so the rule has its own function. */
    private static final String MOMENTUM_UNTIL = """
            optimizer momentum_until(lr = 0.01, beta = 0.9) {
                init { v = 0.0 * w }
                step {
                    v = beta * v - lr * grad(w)
                    w = w + v
                }
                until norm(w) > 1000
            }
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"adam|adam_running(lr = 0.05)", "momentum|momentum(lr = 0.2)",
            "until|adam(lr = 0.05)", "nesterov|nesterov(lr = 0.2)", "stop|momentum_until(lr = 0.2)"})
    void theJarsReversibleHypergradientIsTheCommandLines(String name, String optimizer, @TempDir Path dir) throws Exception {
        String declarations = name.equals("adam") ? Setup.ADAM_RUNNING : name.equals("stop") ? MOMENTUM_UNTIL : "";
        Path file = write(dir, name, Setup.PROBLEM.formatted(declarations, optimizer));
        Solver solver = compile(dir, file);

        Hypergradient reversible = solver.hypergradient("reversible");
        assertClose(cli(file, "--method", "reversible"), reversible, 1e-12, name + " reversible against the CLI");
        Hypergradient bits = solver.hypergradient("reversible:40");
        assertClose(cli(file, "--method", "reversible", "--frac-bits", "40"), bits, 1e-12, name + " reversible:40");
        assertClose(cli(file, "--method", "reversible:40"), bits, 1e-12, name + " reversible:40 as the CLI's method");

        Hypergradient unrolled = solver.hypergradient("unrolled");
        assertTrue(unrolled.gradientNorm() > 1e-3, "a hypergradient that is not zero: " + unrolled.gradientNorm());
        double[] expected = new double[unrolled.gradient().length + 1];
        expected[0] = unrolled.value();
        System.arraycopy(unrolled.gradient(), 0, expected, 1, unrolled.gradient().length);
        assertClose(expected, reversible, 1e-6, name + " reversible against unrolled");
    }

    @Test
    void anOptimizerThatCannotBeInvertedCompilesWithoutAReversiblePart(@TempDir Path dir) throws Exception {
        Path file = write(dir, "quasi", Setup.PROBLEM.formatted("", "lbfgs(lr = 1.0)"));
        Solver solver = compile(dir, file);
        assertClose(cli(file, "--method", "unrolled"), solver.hypergradient("unrolled"), 1e-12, "lbfgs unrolled");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> solver.hypergradient("reversible"));
        String m = e.getMessage();
        assertTrue(m.contains("'lbfgs'") && m.contains("cannot be inverted") && m.contains("hyp hypergrad FILE --method reversible"), m);
        try (URLClassLoader loader = loader(dir.resolve("quasi.jar"))) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("hyp.generated.QuasiReversible"));
        }
    }

    /** Greedy tuning with reversible rounds lowers L_te and follows the same tuning with unrolled rounds. */
    @Test
    void tuningUsingReversibleFromTheJarFollowsUnrolledTuning(@TempDir Path dir) throws Exception {
        String problem = Setup.PROBLEM.formatted(Setup.ADAM_RUNNING, "adam_running(lr = 0.05)");
        String tune = "tune rho on valid_loss by adam(lr = 0.1) for 10 rounds";
        assertTrue(problem.contains(tune));
        Solver reversible = compile(dir, write(dir, "rev", problem.replace(tune, tune.replace("10", "4") + " using reversible")));
        Solver unrolled = compile(dir, write(dir, "unr", problem.replace(tune, tune.replace("10", "4") + " using unrolled")));

        double[] start = reversible.hyperVector();
        TuningResult r = reversible.tune(TuningListener.NONE);
        TuningResult u = unrolled.tune(TuningListener.NONE);
        assertEquals(4, r.rounds().size());
        assertTrue(reversible.validationLoss(r.hyper()) < reversible.validationLoss(start) - 1e-4,
                reversible.validationLoss(start) + " -> " + reversible.validationLoss(r.hyper()));
        double moved = 0, diff = 0;
        for (int i = 0; i < start.length; i++) {
            moved = Math.max(moved, Math.abs(u.hyper()[i] - start[i]));
            diff = Math.max(diff, Math.abs(u.hyper()[i] - r.hyper()[i]));
        }
        assertTrue(moved > 1e-3, "tuning moved lambda: " + moved);
        assertTrue(diff <= 1e-6 * moved, "reversible and unrolled tuning differ by " + diff + " after moving " + moved);
    }

    /** The file with Setup's data beside it as CSV, read through {@code from} clauses so CLI and jar see the same. */
    private static Path write(Path dir, String name, String source) throws Exception {
        Map<String, Object> values = Setup.data(D);
        for (String data : List.of("X", "y", "Xv", "yv")) {
            Files.writeString(dir.resolve(data + ".csv"), csv((Tensor) values.get(data)));
            String decl = "data " + data + ": " + (data.startsWith("X") ? "real[" + (data.equals("X") ? "n" : "m") + ", d]"
                    : "real[" + (data.equals("y") ? "n" : "m") + "]");
            assertTrue(source.contains(decl + "\n"), decl);
            source = source.replace(decl + "\n", decl + " from \"" + data + ".csv\"\n");
        }
        Path file = dir.resolve(name + ".hyp");
        Files.writeString(file, source);
        return file;
    }

    private static Solver compile(Path dir, Path file) throws Exception {
        String name = file.getFileName().toString().replace(".hyp", "");
        Path jar = dir.resolve(name + ".jar");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"compile", file.toString(), "-o", jar.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)), err.toString());
        String className = "hyp.generated." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Solver solver = Solver.load(loader(jar).loadClass(className)).dataDirectory(dir);
        assertNotNull(solver);
        return solver;
    }

    private static URLClassLoader loader(Path jar) throws Exception {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, EmbeddedReversibleTest.class.getClassLoader());
    }

    /** hyp hypergrad FILE --json: the value, then rho's entries. */
    private static double[] cli(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("hypergrad", file.toString(), "--json"));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter(), err = new StringWriter();
        // The CLI reads the data's from clauses beside the file, as the solver does from its dataDirectory.
        assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)),
                err.toString());
        String json = out.toString();
        Matcher value = Pattern.compile("\"value\": ([-0-9.eE]+)").matcher(json);
        Matcher rho = Pattern.compile("\"rho\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(value.find() && rho.find(), json);
        List<Double> numbers = new ArrayList<>(List.of(Double.parseDouble(value.group(1))));
        for (String v : rho.group(1).split(",")) numbers.add(Double.parseDouble(v.trim()));
        return numbers.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertClose(double[] expected, Hypergradient g, double tolerance, String what) {
        assertEquals(expected.length - 1, g.gradient().length, what);
        assertEquals(expected[0], g.value(), tolerance, what + ": value");
        for (int i = 0; i < g.gradient().length; i++) {
            assertEquals(expected[i + 1], g.gradient()[i], tolerance, what + ": entry " + i);
        }
    }

    private static String csv(Tensor t) {
        int cols = t.rank() == 2 ? t.shape[1] : 1;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < t.data.length; i++) s.append(t.data[i]).append((i + 1) % cols == 0 ? "\n" : ",");
        return s.toString();
    }
}
