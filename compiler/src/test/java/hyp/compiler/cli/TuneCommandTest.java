package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hyp tune} in process on a problem with closed forms: training pulls w towards the hyper c by T steps of
 * gradient descent, w_T = c + (w_0 − c)(1 − 2·lr)^T, and validation wants w at a target. Expected values come
 * from these formulas, not from the code under test.
 */
class TuneCommandTest {
    private static final double[] TARGET = {1, -2, 0.5};
    private static final String TARGET_TEXT = "target=[1, -2, 0.5]";
    /** (1 − 2·0.1)^20: how much of w_0 − c is left after the train statement's run. */
    private static final double LEFT = Math.pow(0.8, 20);

    private static String program(String tune) {
        return """
                data target: real[d]
                param w: real[d] = 0
                hyper c: real[d] = 0

                def train_loss(w, c) = sum((w - c)^2)
                def valid_loss(w) = sum((w - target)^2)
                def gap(c) = sum((c - target)^2)
                def square(x: real) = x^2

                optimizer descent(lr = 0.01) {
                    step { w = w - lr * grad(w) }
                }

                train w on train_loss by descent(lr = 0.1) for 20 steps
                """ + tune + "\n";
    }

    private static final String TUNE = "tune c on valid_loss by sgd(lr = 0.5) for 30 rounds";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static double sumSquares(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String... path) {
        Map<String, Object> m = (Map<String, Object>) o;
        for (String key : path) m = (Map<String, Object>) m.get(key);
        return m;
    }

    private static double[] vector(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> (Double) v).toArray();
    }

    private static double number(Object o) {
        return (Double) o;
    }

    @Test
    void tuningLowersTheValidationLossAndRetrainingMatchesTheClosedForm() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Result r = run("tune", file.toString(), "--at", TARGET_TEXT, "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = map(JsonReader.parse(r.out().trim()));
        assertEquals(30.0, number(json.get("rounds")));
        assertEquals(1.0, number(json.get("stepsPerRound")), "20 train steps over 30 rounds, rounded up");
        double before = number(map(json, "before").get("L_te"));
        double after = number(map(json, "after").get("L_te"));
        // c = 0 and w_0 = 0: training leaves w at 0.
        assertEquals(sumSquares(TARGET), before, 1e-12);
        double[] c = vector(map(json, "after", "hyper").get("c"));
        double[] expected = new double[3];
        double[] gap = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = c[i] * (1 - LEFT) - TARGET[i];
            gap[i] = c[i] - TARGET[i];
        }
        assertEquals(sumSquares(expected), after, 1e-9);
        assertTrue(after < before / 100, "tuning should bring c near the target: " + before + " -> " + after);
        Map<String, Object> defs = map(json, "after", "defs");
        assertEquals(List.of("train_loss", "valid_loss", "gap"), new ArrayList<>(defs.keySet()), "loss-like defs, in file order");
        assertEquals(after, number(defs.get("valid_loss")), 1e-12);
        assertEquals(sumSquares(gap), number(defs.get("gap")), 1e-9);
        assertEquals(sumSquares(TARGET), number(map(json, "before", "defs").get("gap")), 1e-12);
    }

    @Test
    void tableShowsEveryLossLikeDefAndProgressGoesToStderr() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Result r = run("tune", file.toString(), "--at", TARGET_TEXT);
        assertEquals(0, r.code(), r.err());
        assertAll(
                () -> assertTrue(r.out().contains("valid_loss (L_te)"), r.out()),
                () -> assertTrue(r.out().lines().anyMatch(l -> l.startsWith("train_loss ")), r.out()),
                () -> assertTrue(r.out().lines().anyMatch(l -> l.startsWith("gap ")), r.out()),
                () -> assertFalse(r.out().contains("square"), "a def with a non-global argument is not evaluated"),
                () -> assertTrue(r.out().contains("c: [0, 0, 0] -> ["), r.out()),
                () -> assertTrue(r.err().contains("round 30/30"), r.err()),
                () -> assertFalse(r.out().contains("round 30/30"), "progress stays off stdout"));
    }

    @Test
    void reportHasOneHistoryEntryPerRoundAndTwoPlots() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Path report = dir.resolve("out/report");
        Result r = run("tune", file.toString(), "--at", TARGET_TEXT, "--rounds", "12", "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = map(JsonReader.parse(Files.readString(report.resolve("history.json"))));
        List<?> history = (List<?>) json.get("history");
        assertEquals(12, history.size());
        for (int i = 0; i < 12; i++) assertEquals(i + 1.0, number(map(history.get(i)).get("round")));
        assertEquals(2.0, number(json.get("stepsPerRound")), "20 train steps over 12 rounds, rounded up");
        // Round 1: K = 2 steps from w = 0 with c = 0 leave w = 0, and ∂w_K/∂c = 1 − 0.8^K, so
        // dL/dc = 2 (w − target) · 0.36 = −0.72 · target.
        Map<String, Object> first = map(history.get(0));
        assertEquals(sumSquares(TARGET), number(first.get("L_te")), 1e-12);
        assertEquals(0.72 * Math.sqrt(sumSquares(TARGET)), number(first.get("gradientNorm")), 1e-12);
        assertTrue(number(first.get("elapsedMs")) >= 0);
        // Round 2 runs with c = 0 − 0.5 · (−0.72 · target) = 0.36 · target.
        double[] c2 = vector(map(history.get(1), "hyper").get("c"));
        for (int i = 0; i < 3; i++) assertEquals(0.36 * TARGET[i], c2[i], 1e-12);
        for (String png : List.of("loss.png", "hyper.png")) {
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertNotNull(image, png + " is not an image");
            assertEquals(900, image.getWidth());
            assertEquals(560, image.getHeight());
        }
        try (Stream<Path> files = Files.list(report)) {
            assertEquals(List.of("history.json", "hyper.png", "loss.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        assertTrue(r.out().contains("report: "), r.out());
    }

    @Test
    void adamSettingsAreConstantExpressionsAndItsFirstStepHasSizeLr() throws IOException {
        Path file = write("adam.hyp", program("tune c on valid_loss by adam(lr = 0.15 / d) for 3 rounds"));
        Path report = dir.resolve("r");
        Result r = run("tune", file.toString(), "--at", TARGET_TEXT, "--report", report.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<?> history = (List<?>) map(JsonReader.parse(Files.readString(report.resolve("history.json")))).get("history");
        assertEquals(3, history.size());
        // Bias-corrected Adam moves each entry by lr · g / (|g| + eps) on its first step. Round 1 runs
        // K = ceil(20 / 3) = 7 steps from w = 0 at c = 0, so g = 2 (0 − target) (1 − 0.8^7).
        double[] c2 = vector(map(history.get(1), "hyper").get("c"));
        for (int i = 0; i < 3; i++) {
            double g = -2 * TARGET[i] * (1 - Math.pow(0.8, 7));
            assertEquals(-0.05 * g / (Math.abs(g) + 1e-8), c2[i], 1e-12);
        }
    }

    @Test
    void checkpointingStrategiesTuneExactlyAsStoringEveryState() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        double[] unrolled = finalC(file, "unrolled");
        for (String method : List.of("tree", "binomial:2")) {
            double[] c = finalC(file, method);
            for (int i = 0; i < 3; i++) assertEquals(unrolled[i], c[i], 1e-12, method);
        }
        Path binomial = write("binomial.hyp", program(TUNE + " using binomial"));
        double[] fromStatement = finalC(binomial, null);
        for (int i = 0; i < 3; i++) assertEquals(unrolled[i], fromStatement[i], 1e-12, "using binomial");
        double[] numerical = finalC(file, "numerical");
        for (int i = 0; i < 3; i++) assertEquals(unrolled[i], numerical[i], 1e-6, "numerical");
    }

    /** The tuned c; a null method leaves the choice to the tune statement. */
    private double[] finalC(Path file, String method) {
        List<String> args = new ArrayList<>(List.of("tune", file.toString(), "--at", TARGET_TEXT, "--steps-per-round", "6",
                "--rounds", "8", "--json"));
        if (method != null) args.addAll(List.of("--method", method));
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return vector(map(JsonReader.parse(r.out().trim()), "after", "hyper").get("c"));
    }

    @Test
    void dataFilesGiveTheSameRunAsInlineValues() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Path csv = write("target.csv", "# the target\n1\n-2\n0.5\n");
        Result fromFile = run("tune", file.toString(), "--data", "target=" + csv, "--json");
        Result inline = run("tune", file.toString(), "--at", TARGET_TEXT, "--json");
        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(map(JsonReader.parse(inline.out().trim()), "after").toString(),
                map(JsonReader.parse(fromFile.out().trim()), "after").toString());
    }

    @Test
    void implicitTuningLowersTheValidationLoss() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Result r = run("tune", file.toString(), "--at", TARGET_TEXT, "--method", "implicit", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = map(JsonReader.parse(r.out().trim()));
        double before = number(map(json, "before").get("L_te"));
        double after = number(map(json, "after").get("L_te"));
        assertTrue(after < 0.5 * before, before + " -> " + after);
    }

    @Test
    void badInputsExitWithTwoAndAMessage() throws IOException {
        Path file = write("shift.hyp", program(TUNE));
        Result bogus = run("tune", file.toString(), "--at", TARGET_TEXT, "--method", "bogus");
        assertEquals(2, bogus.code());
        assertTrue(bogus.err().contains("unknown hypergradient method 'bogus'; expected unrolled, tree"), bogus.err());

        Result implicit = run("tune", file.toString(), "--at", TARGET_TEXT, "--method", "implicit", "--cg-iterations", "0");
        assertEquals(2, implicit.code());
        assertTrue(implicit.err().contains("CG") || implicit.err().contains("iteration"), implicit.err());

        Result rounds = run("tune", file.toString(), "--at", TARGET_TEXT, "--rounds", "0");
        assertEquals(2, rounds.code());
        assertTrue(rounds.err().contains("--rounds"), rounds.err());

        Path own = write("own.hyp", program("tune c on valid_loss by descent(lr = 0.5) for 3 rounds"));
        Result outer = run("tune", own.toString(), "--at", TARGET_TEXT);
        assertEquals(2, outer.code());
        assertTrue(outer.err().contains("'descent'") && outer.err().contains("sgd"), outer.err());

        // Round 1 moves c to 0.4e300 · target; round 2 trains w to 0.2 c, whose squared distance overflows.
        Path diverging = write("diverging.hyp", program("tune c on valid_loss by sgd(lr = 1e300) for 30 rounds"));
        Result overflow = run("tune", diverging.toString(), "--at", TARGET_TEXT);
        assertEquals(2, overflow.code());
        assertTrue(overflow.err().contains("round 2 of 30") && overflow.err().contains("Infinity"), overflow.err());

        Path broken = write("broken.csv", "1\n-2x\n0.5\n");
        Result data = run("tune", file.toString(), "--data", "target=" + broken);
        assertEquals(2, data.code());
        assertTrue(data.err().contains(broken + ":2"), "the reader's message names file and line: " + data.err());

        Result missing = run("tune", file.toString(), "--data", "target=" + dir.resolve("nowhere.csv"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals("", missing.out());
    }
}
