package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The solver a model jar carries, run in this JVM, against {@code hyp hypergrad} on the same file: two params
 * packed into one trained vector, a randn default and an arithmetic one, and a tune statement that says
 * {@code using implicit}.
 */
class SolverWiringTest {
    private static final String SOURCE = """
            data X: real[n, 3]
            data y: real[n]
            data Xv: real[m, 3]
            data yv: real[m]
            param a: real[3] = randn(0.1)
            param b: real = 0
            hyper rho: real[3] = randn(0.5)
            hyper c: real = -1 / 2

            def train_loss(a, b, rho, c) = mean(softplus(-y * (X @ a + b))) + 0.5 * sum(exp(rho) * a^2) + exp(c) * b^2
            def valid_loss(a, b) = mean(softplus(-yv * (Xv @ a + b)))

            train a, b on train_loss by adam(lr = 0.05) for 40 steps
            tune rho, c on valid_loss by adam(lr = 0.1) for 4 rounds using implicit
            """;

    @Test
    void theEmbeddedSolverAgreesWithTheCommandLine(@TempDir Path dir) throws Exception {
        Compiled c = Compiled.of(dir, "packed", SOURCE, data(new Random(5), 30, 15));
        Path file = c.file();
        List<String> dataArgs = c.dataArgs();
        Solver solver = c.solver();
        assertEquals(List.of("rho", "c"), solver.hypers());

        for (String method : new String[] {"unrolled", "implicit"}) {
            Hypergradient g = solver.hypergradient(method);
            double[] expected = cli(file, method, dataArgs);
            assertEquals(expected[0], g.value(), 1e-12, method + " value");
            assertEquals(expected.length - 1, g.gradient().length);
            assertTrue(g.gradientNorm() > 1e-4, method + ": a hypergradient that is not zero");
            for (int i = 0; i < g.gradient().length; i++) {
                assertEquals(expected[i + 1], g.gradient()[i], 1e-12, method + " entry " + i);
            }
        }

        double[] start = solver.hyperVector();
        TuningResult tuned = solver.tune(TuningListener.NONE);
        assertEquals(4, tuned.rounds().size());
        assertTrue(solver.validationLoss(tuned.hyper()) < solver.validationLoss(start));
        assertTrue(solver.named(tuned.hyper()).get("c") instanceof Double);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver.data("Xv", new Tensor(new double[8], 4, 2)));
        assertTrue(e.getMessage().contains("'Xv'") && e.getMessage().contains("[4, 2]") && e.getMessage().contains("[15, 3]"),
                e.getMessage());
    }

    /** A model jar carries the batch clause: the same batches, so the same hypergradients, as the command line. */
    @Test
    void theEmbeddedSolverRunsTheSameMinibatches(@TempDir Path dir) throws Exception {
        String source = SOURCE.replace("by adam(lr = 0.05) for 40 steps", "by momentum(lr = 0.2) for 3 epochs batch 7 seed 3")
                .replace("using implicit", "using tree");
        Compiled c = Compiled.of(dir, "batched", source, data(new Random(6), 30, 15));
        Path file = c.file();
        List<String> dataArgs = c.dataArgs();
        Solver solver = c.solver();
        assertEquals(15, solver.steps(), "3 epochs of 5 batches (7, 7, 7, 7, 2)");
        double[] unrolled = cli(file, "unrolled", dataArgs);
        for (String method : new String[] {"unrolled", "tree", "reversible", "implicit"}) {
            Hypergradient g = solver.hypergradient(method);
            double[] expected = method.equals("implicit") ? cli(file, method, dataArgs) : unrolled;
            double tolerance = method.equals("reversible") ? 1e-9 : 1e-12;
            assertEquals(expected[0], g.value(), 1e-12, method + " value");
            assertTrue(g.gradientNorm() > 1e-4, method + ": a hypergradient that is not zero");
            for (int i = 0; i < g.gradient().length; i++) {
                assertEquals(expected[i + 1], g.gradient()[i], tolerance, method + " entry " + i);
            }
        }
        double[] full = unrolledOf(dir.resolve("full.hyp"), source.replace("for 3 epochs batch 7 seed 3", "for 15 steps"), dataArgs);
        assertTrue(Math.abs(full[1] - unrolled[1]) > 1e-9, "minibatches change the hypergradient");
    }

    private static double[] unrolledOf(Path file, String source, List<String> dataArgs) throws java.io.IOException {
        Files.writeString(file, source);
        return cli(file, "unrolled", dataArgs);
    }

    /** A source written to NAME.hyp with its data as CSV files, compiled to a jar whose solver is loaded here. */
    private record Compiled(Path file, List<String> dataArgs, Solver solver) {
        static Compiled of(Path dir, String name, String source, Map<String, Tensor> data) throws Exception {
            Path file = dir.resolve(name + ".hyp");
            Files.writeString(file, source);
            List<String> dataArgs = new ArrayList<>();
            for (Map.Entry<String, Tensor> e : data.entrySet()) {
                Path csv = dir.resolve(e.getKey() + ".csv");
                Files.writeString(csv, csv(e.getValue()));
                dataArgs.addAll(List.of("--data", e.getKey() + "=" + csv));
            }
            Path jar = dir.resolve(name + ".jar");
            StringWriter err = new StringWriter();
            assertEquals(0, Main.run(new String[] {"compile", file.toString(), "-o", jar.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true)), err.toString());
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SolverWiringTest.class.getClassLoader());
            String className = "hyp.generated." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            return new Compiled(file, dataArgs, Solver.load(loader.loadClass(className)).data(data));
        }
    }

    /** hyp hypergrad --json: the value, then rho's entries, then c. */
    private static double[] cli(Path file, String method, List<String> dataArgs) {
        List<String> args = new ArrayList<>(List.of("hypergrad", file.toString(), "--method", method, "--json"));
        args.addAll(dataArgs);
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        String json = out.toString();
        Matcher value = Pattern.compile("\"value\": ([-0-9.eE]+)").matcher(json);
        Matcher rho = Pattern.compile("\"rho\": \\[([^\\]]*)\\]").matcher(json);
        Matcher c = Pattern.compile("\"c\": ([-0-9.eE]+)").matcher(json);
        assertTrue(value.find() && rho.find() && c.find(), json);
        List<Double> out2 = new ArrayList<>(List.of(Double.parseDouble(value.group(1))));
        for (String v : rho.group(1).split(",")) out2.add(Double.parseDouble(v.trim()));
        out2.add(Double.parseDouble(c.group(1)));
        return out2.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<String, Tensor> data(Random random, int n, int m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String[] set : new String[][] {{"X", "y"}, {"Xv", "yv"}}) {
            int rows = set[0].equals("X") ? n : m;
            double[] x = new double[rows * 3], y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double z = 0.3 + random.nextGaussian();
                for (int j = 0; j < 3; j++) {
                    x[i * 3 + j] = random.nextGaussian();
                    z += (j == 0 ? 1.5 : 0.2) * x[i * 3 + j];
                }
                y[i] = z > 0 ? 1 : -1;
            }
            out.put(set[0], new Tensor(x, rows, 3));
            out.put(set[1], new Tensor(y, rows));
        }
        return out;
    }

    private static String csv(Tensor t) {
        int cols = t.rank() == 2 ? t.shape[1] : 1;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < t.data.length; i++) s.append(t.data[i]).append((i + 1) % cols == 0 ? "\n" : ",");
        return s.toString();
    }
}
