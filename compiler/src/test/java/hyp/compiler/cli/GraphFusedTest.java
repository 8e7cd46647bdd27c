package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp graph --fused}: the code the back ends emit, with each fused loop printed as its expression. */
class GraphFusedTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run hyp(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fusedGraphsShowEachLoopAsAnExpression() throws IOException {
        Path file = dir.resolve("logistic.hyp");
        Files.writeString(file, """
                data X: real[n, d]
                data y: real[n]
                param w: real[d] = 0
                def loss(w) = mean(softplus(-y * (X @ w)))
                """);
        Run plain = hyp("graph", file.toString(), "loss");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("= softplus("), plain.out());
        assertFalse(plain.out().contains("fused"), plain.out());

        Path dot = dir.resolve("loss.dot");
        Run fused = hyp("graph", file.toString(), "loss", "--fused", "--dot", dot.toString());
        assertEquals(0, fused.code(), fused.err());
        assertTrue(fused.out().contains("= fused[softplus(-$0 * $1)](%y."), fused.out());
        assertFalse(fused.out().contains("= softplus("), fused.out());
        assertTrue(Files.readString(dot).contains("fused softplus(-$0 * $1)"), Files.readString(dot));

        Run adjoint = hyp("graph", file.toString(), "loss", "--grad", "--fused");
        assertEquals(0, adjoint.code(), adjoint.err());
        assertTrue(adjoint.out().contains("sigmoid($"), adjoint.out());
        // X w, the sigmoid chain and Xᵀ r in one pass over X's rows
        assertTrue(adjoint.out().lines().anyMatch(l -> l.contains("= rowpass[rows[1 dots; ") && l.contains("sigmoid(")
                && l.contains("](%X.")), adjoint.out());
    }
}
