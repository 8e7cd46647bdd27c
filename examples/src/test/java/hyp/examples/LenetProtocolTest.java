package hyp.examples;

import static hyp.examples.Processes.hyp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LeNet protocol (examples/lenet/protocol --quick) at a size CI can run without the downloaded digits: 300
 * training, 100 validation and 100 test images generated here (a bright square whose place is the class, on noise),
 * given to the bundled files with {@code --data}. One epoch in batches of 128 (128, 128 and the 44 left over):
 * the batched files ({@code mean(map(nll, X, Y))}) give the same validation loss as the per-image loop (compiled
 * as a loop, {@code hyp.batchLoops=false}) to 1e-12
 * relative and the same hypergradient to 1e-12 absolute (about 3e-11 relative: the summation order's last bits,
 * carried through three Adam steps), the hypergradient through the minibatches agrees with the complex step (Adam,
 * 1e-9) and with central differences (Adam, 1e-6, at steps chosen for Adam's sharpness and checked to be in the
 * h² regime), and the three variants run as the protocol runs them.
 */
class LenetProtocolTest {
    @TempDir
    static Path dir;

    static List<String> data = new ArrayList<>();

    /** rows images of 28 x 28 pixels in [0, 1], class c a 6 x 6 square at column 5 (c mod 5), row 14 (c / 5). */
    private static void write(String x, String y, int rows, int seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder xs = new StringBuilder(), ys = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(10), top = 14 * (c / 5) + 4, left = 5 * (c % 5) + 1;
            for (int p = 0; p < 784; p++) {
                int row = p / 28, col = p % 28;
                boolean on = row >= top && row < top + 6 && col >= left && col < left + 6;
                xs.append(p == 0 ? "" : ",").append((on ? 0.6 : 0.0) + 0.4 * r.nextDouble());
            }
            xs.append('\n');
            for (int k = 0; k < 10; k++) ys.append(k == 0 ? "" : ",").append(k == c ? "1" : "0");
            ys.append('\n');
        }
        Files.writeString(dir.resolve(x + ".csv"), xs);
        Files.writeString(dir.resolve(y + ".csv"), ys);
        data.addAll(List.of("--data", x + "=" + dir.resolve(x + ".csv"), "--data", y + "=" + dir.resolve(y + ".csv")));
    }

    @BeforeAll
    static void generate() throws IOException {
        write("X", "Y", 300, 1);
        write("Xv", "Yv", 100, 2);
        write("Xt", "Yt", 100, 3);
    }

    private static Processes.Run run(Path file, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, file.toString());
        all.addAll(data);
        Processes.Run r = hyp(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        return r;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": \\[?([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** general.hyp with its losses written as for loops over the images, as before map existed. */
    private static Path looped() throws IOException {
        String text = Files.readString(Examples.file("lenet/general.hyp"));
        String loop = """
                def train_loss() -> real {
                    s = 0.0
                    for i in 0..n { s = s + nll(X[i], Y[i]) }
                    return s / n + penalty()
                }
                def valid_loss() -> real {
                    s = 0.0
                    for i in 0..m { s = s + nll(Xv[i], Yv[i]) }
                    return s / m
                }
                """;
        String replaced = text.replace("def train_loss() = mean(map(nll, X, Y)) + penalty()\n", loop)
                .replace("def valid_loss() = mean(map(nll, Xv, Yv))\n", "");
        assertTrue(!replaced.equals(text) && !replaced.contains("map(nll, Xv"), "general.hyp's losses are written with map");
        Path p = dir.resolve("looped.hyp");
        Files.writeString(p, replaced);
        return p;
    }

    @Test
    void batchedEqualsLoopedAndTheHypergradientThroughMinibatchesMatchesCentralDifferences() throws IOException {
        Path general = Examples.file("lenet/general.hyp");
        String batched = run(general, "hypergrad", "--steps", "3", "--json").out();
        assertTrue(batched.contains("\"steps\": 3"), batched);
        // the loop run image by image: left alone, the compiler would batch it like map
        String loop;
        System.setProperty("hyp.batchLoops", "false");
        try {
            loop = run(looped(), "hypergrad", "--steps", "3", "--json").out();
        } finally {
            System.clearProperty("hyp.batchLoops");
        }
        double value = number(batched, "value"), grad = number(batched, "r");
        assertEquals(value, number(loop, "value"), 1e-12 * Math.abs(value), "validation loss after 3 minibatch steps");
        // absolute: through Adam's steps the summation order's last bits grow to ~1e-11 relative of this 0.03
        assertEquals(grad, number(loop, "r"), 1e-12, "hypergradient, batched vs looped");
        // the same loop file as compiled by default: its loops recognised as reductions and batched
        String loopBatched = run(looped(), "hypergrad", "--steps", "3", "--json").out();
        assertEquals(value, number(loopBatched, "value"), 1e-12 * Math.abs(value), "validation loss, loops batched");
        assertEquals(grad, number(loopBatched, "r"), 1e-12, "hypergradient, map vs loops batched");

        // Adam's steps against the complex step through the whole run (exact to rounding)
        String complex = run(general, "hypergrad", "--steps", "3", "--method", "complex", "--json").out();
        assertTrue(Math.abs(grad) > 1e-9, "a hypergradient that is not zero: " + batched);
        assertEquals(grad, number(complex, "r"), 1e-9 * Math.abs(grad), "hypergradient against the complex step");
        adamAgainstCentralDifferences(general, grad);
    }

    /**
     * Adam's hypergradient through the three minibatch steps against central differences to 1e-6. Adam's first step
     * moves each weight by lr·g/(|g| + ε), which bends on the scale (|g| + ε)/|dg/dr| in r: about 1e-4 for the
     * weights whose gradient is smallest. The run's third derivative in r is therefore about 2·10⁴ times its first,
     * and the default step ∛ε·|r| = 4.2e-5 leaves a truncation error of 6e-6 relative (measured). Steps of
     * 1e-6·|r| and half that are well inside the smooth scale and far above rounding (ε·L/h ≈ 2e-11): there the
     * error follows the h² law, so halving h quarters it, which is checked against this hypergradient as the
     * limit. A hypergradient wrong by 1e-8 relative breaks that ratio, and one wrong by 1e-6 fails
     * the comparison outright.
     */
    private static void adamAgainstCentralDifferences(Path general, double grad) {
        double coarse = number(run(general, "hypergrad", "--steps", "3", "--method", "numerical:1e-6", "--json").out(), "r");
        double fine = number(run(general, "hypergrad", "--steps", "3", "--method", "numerical:5e-7", "--json").out(), "r");
        // truncation left in the finer difference, estimated from the two alone (h² law), well below the tolerance
        double truncation = Math.abs(coarse - fine) / 3;
        assertTrue(truncation < 1e-7 * Math.abs(grad), "central differences not converged: " + coarse + ", " + fine);
        assertEquals(grad, fine, 1e-6 * Math.abs(grad), "hypergradient (Adam) against central differences, h = 3.5e-6");
        double richardson = fine + (fine - coarse) / 3; // fourth order
        assertEquals(grad, richardson, 1e-6 * Math.abs(grad), "hypergradient (Adam) against Richardson-extrapolated differences");
        double ratio = (coarse - grad) / (fine - grad);
        assertTrue(ratio > 3.5 && ratio < 4.5, "halving h should quarter the difference's error, with this hypergradient as "
                + "the limit: ratio " + ratio + " (" + coarse + ", " + fine + " against " + grad + ")");
    }

    @Test
    void theThreeVariantsRunAsTheProtocolRunsThem() throws IOException {
        String none = run(Examples.file("lenet/none.hyp"), "train", "--steps", "3", "--auc", "probs:Xt:Yt", "--json").out();
        String trained = none.substring(none.indexOf("\"trained\""));
        assertTrue(number(none, "test_loss") > 2.3 && number(trained, "test_loss") < 1.5, "3 steps lower the test cross-entropy from about log 10: " + none);
        double auc = number(trained, "1-AUC probs(Xt) vs Yt");
        assertTrue(auc >= 0 && auc < 0.5, none);
        for (String file : new String[] {"lenet/general.hyp", "lenet.hyp"}) {
            // tune trains before and after for the train statement's 20 epochs; one epoch here
            String text = Files.readString(Examples.file(file));
            String short_ = text.replace("for 20 epochs batch 128 seed 7", "for 1 epochs batch 128 seed 7");
            assertTrue(!short_.equals(text), file + " trains for 20 epochs in batches of 128");
            Path copy = dir.resolve(file.replace('/', '-'));
            Files.writeString(copy, short_);
            Path report = dir.resolve(file.replace('/', '-') + "-report");
            String tuned = run(copy, "tune", "--rounds", "1", "--steps-per-round", "3",
                    "--report", report.toString(), "--auc", "probs:Xt:Yt", "--json").out();
            assertTrue(tuned.contains("\"rounds\": 1") && tuned.contains("\"after\""), tuned);
            assertTrue(Files.size(report.resolve("loss.png")) > 0 && Files.size(report.resolve("hyper.png")) > 0, file);
        }
    }
}
