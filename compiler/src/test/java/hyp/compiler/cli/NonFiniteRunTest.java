package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges is an error naming the first step where a value stopped being finite, the state variable
 * by its .hyp name and the entry; never NaN in a table or a hypergradient, never exit 0.
 */
class NonFiniteRunTest {
    /** Gradient descent on lam·(w₀⁴/8 + w₁⁴) from w = [1, 1]: w[0] shrinks towards 0, w[1] explodes. */
    private static final String DIVERGING = """
            param w: real[2] = 1
            hyper lam: real = 1
            def loss(w, lam) = lam * sum([0.125, 1] * w^4)
            def valid(w) = sum(w^2)
            train w on loss by sgd(lr = 1) for 30 steps
            tune lam on valid by sgd(lr = 0.1) for 2 rounds using unrolled
            """;

    @TempDir
    Path dir;

    /** The step after which w[1] is first not finite, by the recurrence w ← w − 4w³ run here in plain Java. */
    private static int firstNonFiniteStep() {
        double w = 1;
        for (int t = 1; ; t++) {
            w = w - 4 * w * w * w;
            if (!Double.isFinite(w)) return t;
        }
    }

    private Path file() throws IOException {
        Path p = dir.resolve("diverging.hyp");
        Files.writeString(p, DIVERGING);
        return p;
    }

    @Test
    void trainNamesTheFirstStepTheStateAndTheEntry() throws IOException {
        Result r = run("train", file().toString());
        assertEquals(2, r.code(), r.out() + r.err());
        int step = firstNonFiniteStep();
        assertTrue(r.err().startsWith("hyp: state 'w' after step " + step + " is not finite: w[1] = "), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void everyHypergradientMethodNamesTheSameFirstStep() throws IOException {
        int step = firstNonFiniteStep();
        for (String method : new String[] {"unrolled", "tree", "binomial:3", "numerical", "implicit", "reversible"}) {
            Result r = run("hypergrad", file().toString(), "--method", method);
            assertEquals(2, r.code(), method + ": " + r.out() + r.err());
            assertTrue(r.err().contains("state 'w' after step " + step + " is not finite: w[1] = "),
                    method + ": " + r.err());
        }
    }

    @Test
    void reversibleLearningWithGivenBitsNamesTheOverflowingEntry() throws IOException {
        Result r = run("hypergrad", file().toString(), "--method", "reversible", "--frac-bits", "60");
        assertEquals(2, r.code(), r.out() + r.err());
        // Located at the train statement that ran, with the runtime's entry and step.
        assertTrue(r.err().startsWith("hyp: " + file() + ":5:1: 'train w on loss by sgd(lr = 1) for 30 steps': the "
                + "reversible hypergradient failed: fixed-point overflow in w[1] at step "), r.err());
    }

    @Test
    void aRunThatStaysFiniteIsUnchanged() throws IOException {
        Path p = dir.resolve("calm.hyp");
        Files.writeString(p, DIVERGING.replace("lr = 1)", "lr = 0.01)"));
        Result r = run("train", p.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
    }
}
