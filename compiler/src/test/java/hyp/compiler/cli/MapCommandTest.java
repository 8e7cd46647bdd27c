package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-example form through the hyp command: hyp check passes the batched code's adjoint, tangent and
 * Hessian-vector code against the complex step and central differences; hyp eval evaluates a tensor-valued map;
 * a map whose arguments' row counts differ, and one of a def that branches on its row, exit with code 2 and a
 * located error, without a stack trace.
 */
class MapCommandTest {
    private static final String NET = """
            data X: real[n, 3]
            data Y: real[n, 2]
            param W: real[4, 3] = randn(0.5)
            param V: real[2, 4] = randn(0.5)
            hyper r: real = -1
            def logits(x: real[3]) -> real[2] = V @ tanh(W @ x)
            def nll(x: real[3], y: real[2]) = logsumexp(logits(x)) - y @ logits(x) + exp(r) * mean(x^2)
            def loss() = mean(map(nll, X, Y)) + 0.5 * sum(W^2)
            def scores() = map(logits, X)
            """;

    @Test
    void batchedDerivativesPassTheComplexStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.hyp");
        Files.writeString(file, NET);
        CheckCommandTest.Run r = CheckCommandTest.hyp("check", file.toString(), "--points", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("loss"), r.out());
    }

    @Test
    void aTensorValuedMapHasOneRowPerExample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.hyp");
        Files.writeString(file, NET);
        Files.writeString(dir.resolve("X.csv"), "1,0,0\n0,1,0\n0,0,1\n");
        Files.writeString(dir.resolve("W.csv"), "1,0,0\n0,1,0\n0,0,1\n0,0,0\n");
        CheckCommandTest.Run r = CheckCommandTest.hyp("eval", file.toString(), "scores", "--data", "X=" + dir.resolve("X.csv"),
                "--at", "W=[[1,0,0],[0,1,0],[0,0,1],[0,0,0]]", "--at", "V=[[1,0,0,0],[0,0,1,0]]");
        assertEquals(0, r.code(), r.out() + r.err());
        double t = Math.tanh(1);
        assertEquals("[[" + t + ", 0.0], [0.0, 0.0], [0.0, " + t + "]]", r.out().trim());
    }

    @Test
    void rowCountsThatDifferAreALocatedError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.hyp");
        Files.writeString(file, NET.replace("data Y: real[n, 2]", "data Y: real[m, 2]"));
        CheckCommandTest.Run r = CheckCommandTest.hyp("eval", file.toString(), "loss");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("bad.hyp:8:31: error: the arguments of 'map' must have the same number of rows"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aBranchOnTheRowIsALocatedError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("branch.hyp");
        Files.writeString(file, NET + "def cut(x: real[3]) -> real { if x[0] > 0 { return x[0] } return 0.0 }\n"
                + "def cuts() = sum(map(cut, X))\n");
        CheckCommandTest.Run r = CheckCommandTest.hyp("eval", file.toString(), "cuts");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("branch.hyp:11:18: error: map of 'cut' cannot be batched: its control flow depends on the row"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
