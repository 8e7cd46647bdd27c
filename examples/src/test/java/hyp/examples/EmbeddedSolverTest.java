package hyp.examples;

import static hyp.examples.Processes.hyp;
import static hyp.examples.Processes.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model jar with the solver, used by a plain Java program that has only the jar on its class path (a separate
 * JVM): its hypergradients (reversible learning too) against {@code hyp hypergrad} on the same file and data,
 * tuning, a def's gradient method against central differences, and a misshapen data tensor.
 */
class EmbeddedSolverTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            data Xv: real[m, d]
            data yv: real[m]
            param w: real[d] = 0
            hyper rho: real[d] = -2

            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def valid_loss(w) = mean(softplus(-yv * (Xv @ w)))
            def margin(a: real, v: real[3]) = a * sum(v^2) + exp(a) * v[0] - log(1 + a^2)

            train w on train_loss by adam(lr = 0.05) for 30 steps
            tune rho on valid_loss by adam(lr = 0.2) for 10 rounds using unrolled
            """;

    /** Reads the CSVs with plain Java, hands them to the solver as tensors, prints one result per line. */
    private static final String EMBED = """
            import hyp.runtime.Tensor;
            import hyp.runtime.embed.Solver;
            import hyp.runtime.hyper.Hypergradient;
            import hyp.runtime.hyper.TuningListener;
            import hyp.runtime.hyper.TuningResult;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            public class Embed {
                static Tensor csv(String file, boolean matrix) throws Exception {
                    List<String> rows = Files.readAllLines(Path.of(file));
                    int cols = rows.get(0).split(",").length;
                    double[] data = new double[rows.size() * cols];
                    for (int i = 0; i < rows.size(); i++) {
                        String[] cells = rows.get(i).split(",");
                        for (int j = 0; j < cols; j++) data[i * cols + j] = Double.parseDouble(cells[j]);
                    }
                    return matrix ? new Tensor(data, rows.size(), cols) : new Tensor(data, data.length);
                }

                static void print(String label, double value, double[] v) {
                    StringBuilder s = new StringBuilder(label).append(' ').append(value);
                    for (double x : v) s.append(' ').append(x);
                    System.out.println(s);
                }

                public static void main(String[] args) throws Exception {
                    Solver s = Solver.load("hyp.generated.Model")
                            .data("X", csv("X.csv", true)).data("y", csv("y.csv", false))
                            .data("Xv", csv("Xv.csv", true)).data("yv", csv("yv.csv", false));
                    for (String m : new String[] {"unrolled", "tree", "numerical", "reversible"}) {
                        Hypergradient g = s.hypergradient(m);
                        print(m, g.value(), g.gradient());
                    }
                    double[] start = s.hyperVector();
                    TuningResult r = s.tune(3, TuningListener.NONE);
                    print("tune", s.validationLoss(start), new double[] {s.validationLoss(r.hyper())});

                    double a = 0.3;
                    double[] v = {1.5, -0.5, 2.0};
                    Object[] grad = hyp.generated.Model.margin_grad(a, new Tensor(v.clone(), 3));
                    double h = 1e-5;
                    double[] fd = new double[4];
                    fd[0] = (hyp.generated.Model.margin(a + h, new Tensor(v.clone(), 3))
                            - hyp.generated.Model.margin(a - h, new Tensor(v.clone(), 3))) / (2 * h);
                    for (int i = 0; i < 3; i++) {
                        double[] up = v.clone(), down = v.clone();
                        up[i] += h;
                        down[i] -= h;
                        fd[i + 1] = (hyp.generated.Model.margin(a, new Tensor(up, 3)) - hyp.generated.Model.margin(a, new Tensor(down, 3))) / (2 * h);
                    }
                    double[] dv = ((Tensor) grad[2]).data;
                    print("grad", (Double) grad[0], new double[] {(Double) grad[1], dv[0], dv[1], dv[2]});
                    print("central", hyp.generated.Model.margin(a, new Tensor(v.clone(), 3)), fd);

                    try {
                        Solver.load("hyp.generated.Model").data("X", csv("X.csv", true)).data("y", new Tensor(new double[7], 7));
                        System.out.println("shape none");
                    } catch (IllegalArgumentException e) {
                        System.out.println("shape " + e.getMessage());
                    }
                }
            }
            """;

    @Test
    void aPlainJavaProgramRunsTheSolverFromTheJarAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.hyp");
        Files.writeString(file, SOURCE);
        writeData(dir, new Random(11), 40, 20, 5);
        Path jar = dir.resolve("model.jar");
        assertEquals(0, hyp("compile", file.toString(), "-o", jar.toString()).code());

        Path program = dir.resolve("Embed.java");
        Files.writeString(program, EMBED);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", jar.toString(), "-d", dir.toString(), program.toString()));
        Map<String, double[]> lines = new HashMap<>();
        String shape = null;
        for (String line : java(dir, "--add-modules", "jdk.incubator.vector", "-cp", jar + File.pathSeparator + dir, "Embed").split("\n")) {
            if (line.startsWith("WARNING")) continue;
            if (line.startsWith("shape ")) {
                shape = line;
                continue;
            }
            String[] parts = line.trim().split(" ");
            double[] values = new double[parts.length - 1];
            for (int i = 1; i < parts.length; i++) values[i - 1] = Double.parseDouble(parts[i]);
            lines.put(parts[0], values);
        }

        // hyp hypergrad on the same file and data, in this JVM
        Processes.Run cli = hyp("hypergrad", file.toString(), "--method", "unrolled", "--json",
                "--data", "X=" + dir.resolve("X.csv"), "--data", "y=" + dir.resolve("y.csv"),
                "--data", "Xv=" + dir.resolve("Xv.csv"), "--data", "yv=" + dir.resolve("yv.csv"));
        assertEquals(0, cli.code(), cli.err());
        double[] expected = cliHypergradient(cli.out());
        double[] unrolled = lines.get("unrolled"), tree = lines.get("tree"), numerical = lines.get("numerical"),
                reversible = lines.get("reversible");
        assertEquals(6, unrolled.length, String.join("\n", lines.keySet()));
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], unrolled[i], 1e-12, "unrolled entry " + i);
            assertEquals(unrolled[i], tree[i], 1e-10, "tree entry " + i);
            assertEquals(unrolled[i], numerical[i], 1e-6, "numerical entry " + i);
            assertEquals(unrolled[i], reversible[i], 1e-6, "reversible entry " + i);
        }
        assertTrue(Math.abs(unrolled[1]) > 1e-4, "a hypergradient that is not zero");

        double[] tune = lines.get("tune");
        assertTrue(tune[1] < tune[0], "L_te after a full run: " + tune[0] + " before tuning, " + tune[1] + " after");

        double[] grad = lines.get("grad"), central = lines.get("central");
        assertEquals(central[0], grad[0], 1e-15, "the value");
        for (int i = 1; i < 5; i++) assertEquals(central[i], grad[i], 1e-6, "gradient entry " + (i - 1));

        assertTrue(shape != null && shape.contains("'y'") && shape.contains("[7]") && shape.contains("[40]"), shape);

        // java -jar model.jar FUNC_grad prints the same value and gradient
        String out = java(dir, "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "margin_grad", "a=0.3", "v=[1.5,-0.5,2.0]");
        assertTrue(out.contains(Double.toString(grad[0])) && out.contains(Double.toString(grad[1])), out);
    }

    /** Labels from a seeded linear rule with noise, ±1; written with Double.toString so they read back exactly. */
    private static void writeData(Path dir, Random random, int n, int m, int d) throws Exception {
        double[] truth = new double[d];
        for (int j = 0; j < d; j++) truth[j] = j < 2 ? 2.0 : 0.0;
        for (String[] set : new String[][] {{"X", "y"}, {"Xv", "yv"}}) {
            int rows = set[0].equals("X") ? n : m;
            StringBuilder x = new StringBuilder(), y = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                double z = random.nextGaussian();
                for (int j = 0; j < d; j++) {
                    double v = random.nextGaussian();
                    z += truth[j] * v;
                    x.append(j == 0 ? "" : ",").append(v);
                }
                x.append('\n');
                y.append(z > 0 ? 1.0 : -1.0).append('\n');
            }
            Files.writeString(dir.resolve(set[0] + ".csv"), x);
            Files.writeString(dir.resolve(set[1] + ".csv"), y);
        }
    }

    /** The value, then the entries of rho's hypergradient, from hyp hypergrad --json. */
    private static double[] cliHypergradient(String json) {
        Matcher value = Pattern.compile("\"value\": ([-0-9.eE]+)").matcher(json);
        Matcher rho = Pattern.compile("\"rho\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(value.find() && rho.find(), json);
        List<Double> out = new ArrayList<>(List.of(Double.parseDouble(value.group(1))));
        for (String v : rho.group(1).split(",")) out.add(Double.parseDouble(v.trim()));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
