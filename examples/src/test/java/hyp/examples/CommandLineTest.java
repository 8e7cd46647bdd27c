package hyp.examples;

import static hyp.examples.Processes.hyp;
import static hyp.examples.Processes.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hyp command on the bundled examples, and jars it writes run by a plain JVM. */
class CommandLineTest {
    /** The "value" of a one-line JSON object. */
    static double jsonValue(String json) {
        Matcher m = Pattern.compile("\"value\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), json);
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @CsvSource({"-2.7, 0.3", "5.25, 0.25", "0.5, 0.5", "-1, 0"})
    void evalPrintsMod1AsJson(String x, double expected) throws Exception {
        Processes.Run r = hyp("eval", Examples.file("mod1.hyp").toString(), "mod1", "--at", "x=" + x, "--json", "--grad");
        assertEquals(0, r.code(), r.err());
        String json = r.out().trim();
        assertEquals(expected, jsonValue(json), 1e-12, json);
        assertTrue(json.contains("\"gradient\": {\"x\": 1.0}"), json);
    }

    @Test
    void badInputIsExitTwoWithALocation(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.hyp");
        Files.writeString(bad, "def f(x: real) = x +\n");
        Processes.Run r = hyp("eval", bad.toString(), "f", "--at", "x=1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.hyp:1:21: error:") && r.err().contains("^"), r.err());
        assertEquals(2, hyp("eval", dir.resolve("missing.hyp").toString(), "f").code());
        assertEquals(2, hyp("eval", Examples.file("mod1.hyp").toString(), "mod1", "--bogus").code());
        assertEquals(2, hyp("eval", Examples.file("mod1.hyp").toString(), "mod1", "--at", "x=abc").code());
        assertEquals(2, hyp("eval", Examples.file("mod1.hyp").toString(), "nothere").code());
    }

    @Test
    void compiledJarRunsUnderPlainJavaAndEmbedsInAJavaProgram(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("mod1.jar");
        Processes.Run r = hyp("compile", Examples.file("mod1.hyp").toString(), "-o", jar.toString(), "--emit-java", dir.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("src/hyp/generated/Mod1.java")));
        // java -jar model.jar FUNC x=... with nothing else on the class path
        for (String[] c : new String[][] {{"-2.7", "0.3"}, {"5.25", "0.25"}, {"0.5", "0.5"}, {"-1", "0.0"}}) {
            String out = java(dir, "-jar", jar.toString(), "mod1", "x=" + c[0]);
            assertEquals(Double.parseDouble(c[1]), Double.parseDouble(out.trim()), 1e-12, out);
        }
        // A plain Java program compiled against the jar calls the generated static method.
        Path program = dir.resolve("UseMod1.java");
        Files.writeString(program, """
                public class UseMod1 {
                    public static void main(String[] args) {
                        System.out.println(hyp.generated.Mod1.mod1(Double.parseDouble(args[0])));
                    }
                }
                """);
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", jar.toString(), "-d", dir.toString(), program.toString());
        assertEquals(0, javac);
        String out = java(dir, "-cp", jar + java.io.File.pathSeparator + dir, "UseMod1", "-2.7");
        assertEquals(0.3, Double.parseDouble(out.trim()), 1e-12);
    }

    @Test
    void graphPrintsTheIrAndWritesDot(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("mod1.dot");
        Processes.Run r = hyp("graph", Examples.file("mod1.hyp").toString(), "mod1", "--dot", dot.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("def mod1(") && r.out().contains("while") && r.out().contains("if "), r.out());
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph \"mod1\" {") && text.trim().endsWith("}"), text);
        assertTrue(text.contains("subgraph cluster_") && text.contains(" -> "), text);
        // Every edge joins two nodes the file declares.
        java.util.Set<String> nodes = new java.util.HashSet<>();
        Matcher decl = Pattern.compile("^\\s*(\\w+) \\[", Pattern.MULTILINE).matcher(text);
        while (decl.find()) nodes.add(decl.group(1));
        Matcher edge = Pattern.compile("(\\w+) -> (\\w+);").matcher(text);
        int edges = 0;
        while (edge.find()) {
            edges++;
            assertTrue(nodes.contains(edge.group(1)) && nodes.contains(edge.group(2)), edge.group());
        }
        assertTrue(edges > 5, text);
    }

    @Test
    void tuningTheLogregExampleLowersItsValidationLossAndWritesPlots(@TempDir Path dir) {
        Processes.Run r = hyp("tune", Examples.file("logreg.hyp").toString(), "--method", "unrolled", "--report", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Matcher before = Pattern.compile("\"before\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        Matcher after = Pattern.compile("\"after\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        assertTrue(before.find() && after.find(), r.out());
        double b = Double.parseDouble(before.group(1)), a = Double.parseDouble(after.group(1));
        assertTrue(a < 0.9 * b, "validation loss " + b + " -> " + a);
        for (String f : new String[] {"history.json", "loss.png", "hyper.png"}) assertTrue(Files.exists(dir.resolve(f)), f);
    }

    @Test
    void tuningByReversibleLearningLowersTheValidationLossAndAnUninvertibleStepIsALocatedError(@TempDir Path dir)
            throws Exception {
        Processes.Run r = hyp("tune", Examples.file("reversible.hyp").toString(), "--rounds", "3", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"method\": \"reversible\""), r.out());
        Matcher before = Pattern.compile("\"before\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        Matcher after = Pattern.compile("\"after\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        assertTrue(before.find() && after.find(), r.out());
        assertTrue(Double.parseDouble(after.group(1)) < Double.parseDouble(before.group(1)), r.out());

        String source = Files.readString(Examples.file("reversible.hyp"))
                .replace("by adam_running(lr = 0.01, eps = 0.01) for 1000 steps", "by lbfgs for 20 steps")
                .replace("\"data/", "\"" + Examples.file("data").toAbsolutePath() + "/");
        Path lbfgs = dir.resolve("lbfgs.hyp");
        Files.writeString(lbfgs, source);
        Processes.Run bad = hyp("tune", lbfgs.toString(), "--rounds", "1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("optimizers.hyp:") && bad.err().contains("cannot be inverted")
                && bad.err().contains("lbfgs.hyp:"), bad.err());
    }

    /** The learning-rate schedule example: reversible and unrolled tuning, its figure, and a tuned momentum. */
    @Test
    void tuningAScheduleLowersTheValidationLossAndPlotsItAgainstTheStep(@TempDir Path dir) throws Exception {
        double[] reversible = beforeAfter(hyp("tune", Examples.file("schedule.hyp").toString(), "--rounds", "4",
                "--report", dir.toString(), "--json"));
        assertTrue(reversible[1] < 0.95 * reversible[0], "reversible: " + reversible[0] + " -> " + reversible[1]);
        assertTrue(Files.size(dir.resolve("schedule.png")) > 1000, "the schedule plot");
        double[] unrolled = beforeAfter(hyp("tune", Examples.file("schedule.hyp").toString(), "--rounds", "4",
                "--method", "unrolled", "--json"));
        assertEquals(reversible[1], unrolled[1], 1e-9, "the same rounds by either method");

        String source = Files.readString(Examples.file("schedule.hyp"))
                .replace("hyper sched: real[100] = -5", "hyper sched: real[100] = -5\nhyper logit_beta: real = 2")
                .replace("beta = 0.9)", "beta = sigmoid(logit_beta))")
                .replace("tune sched on", "tune sched, logit_beta on").replace("using reversible", "using unrolled")
                .replace("sgd(lr = 1000)", "adam(lr = 0.2)")
                .replace("\"data/", "\"" + Examples.file("data").toAbsolutePath() + "/");
        Path momentum = dir.resolve("momentum.hyp");
        Files.writeString(momentum, source);
        double[] both = beforeAfter(hyp("tune", momentum.toString(), "--rounds", "4", "--json"));
        assertTrue(both[1] < 0.95 * both[0], "schedule and momentum: " + both[0] + " -> " + both[1]);
        Processes.Run refused = hyp("tune", momentum.toString(), "--rounds", "1", "--method", "reversible");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("momentum.hyp:") && refused.err().contains("reads hyper 'logit_beta'"), refused.err());
    }

    /** L_te before and after tuning, from tune --json. */
    private static double[] beforeAfter(Processes.Run r) {
        assertEquals(0, r.code(), r.err());
        Matcher before = Pattern.compile("\"before\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        Matcher after = Pattern.compile("\"after\": \\{\"L_te\": ([-0-9.eE]+)").matcher(r.out());
        assertTrue(before.find() && after.find(), r.out());
        return new double[] {Double.parseDouble(before.group(1)), Double.parseDouble(after.group(1))};
    }

    @Test
    void syntheticDataIsWrittenAndReadBack(@TempDir Path dir) throws Exception {
        Processes.Run r = hyp("data", "synth", "logreg", "--out", dir.toString(), "--set", "n=40", "--set", "d=6", "--set", "seed=5");
        assertEquals(0, r.code(), r.err());
        Path hypFile = dir.resolve("small.hyp");
        Files.writeString(hypFile, """
                data X: real[n, d] from "X.csv"
                data y: real[n] from "y.csv"
                def loss(w: real[d]) = mean(softplus(-y * (X @ w)))
                """);
        Processes.Run eval = hyp("eval", hypFile.toString(), "loss", "--at", "w=[0,0,0,0,0,0]", "--json");
        assertEquals(0, eval.code(), eval.err());
        assertEquals(Math.log(2), jsonValue(eval.out()), 1e-12);
        Processes.Run missing = hyp("eval", hypFile.toString(), "loss", "--at", "w=[0,0,0,0,0,0]", "--data", "X=" + dir.resolve("nope.csv"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        Files.writeString(dir.resolve("short.csv"), "1\n-1\n1\n");
        Processes.Run mismatch = hyp("eval", hypFile.toString(), "loss", "--at", "w=[0,0,0,0,0,0]", "--data", "y=" + dir.resolve("short.csv"));
        assertEquals(2, mismatch.code());
        assertTrue(mismatch.err().contains("short.csv") && mismatch.err().contains("X.csv") && mismatch.err().contains("dimension n"),
                mismatch.err());
    }

    /** examples/minibatch.hyp: 10 epochs of 4 batches; tree reverses the same batches unrolled does. */
    @Test
    void theMinibatchExampleGivesOneHypergradientWhateverTheMethod() throws Exception {
        String file = Examples.file("minibatch.hyp").toString();
        Processes.Run unrolled = hyp("hypergrad", file, "--method", "unrolled", "--json");
        assertEquals(0, unrolled.code(), unrolled.err());
        assertTrue(unrolled.out().contains("\"steps\": 40"), unrolled.out());
        String gradient = unrolled.out().substring(unrolled.out().indexOf("\"hypergradient\""), unrolled.out().indexOf("\"method\""));
        Processes.Run tree = hyp("hypergrad", file, "--method", "tree", "--json");
        assertEquals(0, tree.code(), tree.err());
        assertTrue(tree.out().contains(gradient), "tree equals unrolled bit for bit: " + tree.out());
        Processes.Run full = hyp("hypergrad", Examples.file("logreg.hyp").toString(), "--steps", "40", "--json");
        assertTrue(!full.out().contains(gradient), "minibatches change the hypergradient");
    }
}
