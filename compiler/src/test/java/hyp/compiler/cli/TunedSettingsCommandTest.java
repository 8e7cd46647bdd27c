package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on tuned settings and starts, on a problem with a closed form: T steps of gradient descent with
 * rate lr = exp(loglr) on sum((w − c)²) from w_0 = exp(s)·u give w_T = c + (w_0 − c)·q^T with q = 1 − 2·lr, and
 * the validation loss is sum((w_T − target)²).
 */
class TunedSettingsCommandTest {
    private static final double[] C = {1, -1}, U = {0.5, 2}, TARGET = {0.2, 0.3};
    private static final int T = 8;
    private static final double LOGLR = Math.log(0.1), S = Math.log(2);

    @TempDir
    Path dir;

    private Path file(String sched, String using) throws IOException {
        Path f = dir.resolve("closed.hyp");
        Files.writeString(f, """
                data c: real[2]
                data target: real[2]
                param w: real[2] = 0
                hyper loglr: real = -2
                hyper s: real = 0
                hyper sched: real[k] = -2
                def train_loss(w) = sum((w - c)^2)
                def valid_loss(w) = sum((w - target)^2)
                train w from exp(s) * w on train_loss by sgd(lr = %s) for %d steps
                tune loglr, s on valid_loss by sgd(lr = 0.01) for 3 rounds using %s
                """.formatted(sched, T, using));
        return f;
    }

    private static String[] args(Path f, String method, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("hypergrad", f.toString(), "--method", method, "--json",
                "--at", "c=[1, -1]", "--at", "target=[0.2, 0.3]", "--at", "w=[0.5, 2]", "--at", "loglr=" + LOGLR,
                "--at", "s=" + S, "--at", "sched=[1, 2]"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Result r) {
        assertEquals(0, r.code(), r.err());
        return (Map<String, Object>) JsonReader.parse(r.out().trim());
    }

    @Test
    void hypergradientsOfTheRateAndTheStartMatchTheClosedForm() throws IOException {
        double lr = Math.exp(LOGLR), q = 1 - 2 * lr, scale = Math.exp(S);
        double dLoglr = 0, dS = 0;
        for (int i = 0; i < 2; i++) {
            double w0 = scale * U[i], wT = C[i] + (w0 - C[i]) * Math.pow(q, T), r = 2 * (wT - TARGET[i]);
            dLoglr += r * (w0 - C[i]) * T * Math.pow(q, T - 1) * (-2 * lr);
            dS += r * Math.pow(q, T) * w0;
        }
        for (String method : List.of("unrolled", "tree", "binomial:2", "complex", "reversible")) {
            Map<String, Object> g = (Map<String, Object>) json(run(args(file("exp(loglr)", "unrolled"), method))).get("hypergradient");
            assertEquals(dLoglr, (Double) g.get("loglr"), 1e-12 * Math.abs(dLoglr), method + " loglr");
            assertEquals(dS, (Double) g.get("s"), 1e-12 * Math.abs(dS), method + " s");
        }
    }

    @Test
    void implicitSaysWhyItsHypergradientIsZeroAndRefusesToTune() throws IOException {
        Path f = file("exp(loglr)", "implicit");
        Map<String, Object> out = json(run(args(f, "implicit")));
        assertEquals(0.0, (Double) ((Map<String, Object>) out.get("hypergradient")).get("loglr"));
        Map<String, Object> zero = (Map<String, Object>) out.get("zeroAtOptimum");
        assertEquals(List.of("loglr", "s"), zero.get("hypers"));
        assertTrue(((String) zero.get("why")).contains("true optimum"), zero.toString());
        Result tune = run("tune", f.toString(), "--at", "c=[1, -1]", "--at", "target=[0.2, 0.3]", "--at", "sched=[1, 2]");
        assertEquals(2, tune.code(), tune.out());
        assertTrue(tune.err().contains("implicit tuning would not move them"), tune.err());
    }

    @Test
    void aScheduleShorterThanTheRunIsNamedBeforeItStarts() throws IOException {
        Result r = run(args(file("exp(sched[t - 1])", "unrolled"), "unrolled"));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("closed.hyp:9:") && r.err().contains("'sched[t - 1]' is read at t = 1 … 8")
                && r.err().contains("has 2 entries"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void wholeRunsHaveNoStepsPerRound() throws IOException {
        Result r = run("tune", file("exp(loglr)", "unrolled").toString(), "--at", "c=[1, -1]", "--at", "target=[0.2, 0.3]",
                "--at", "sched=[1, 2]", "--steps-per-round", "2");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("each round trains all 8 steps"), r.err());
    }
}
