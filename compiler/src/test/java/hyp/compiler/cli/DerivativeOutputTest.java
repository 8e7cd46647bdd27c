package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp eval --grad --json} carries the path the input took; {@code hyp graph --grad} shows the adjoint code. */
class DerivativeOutputTest {
    private static final String MOD1 = """
            def mod1(x: real) -> real {
                while x < 0 or x >= 1 {
                    if x < 0 {
                        x = x + 1
                    } else {
                        x = x - 1
                    }
                }
                return x
            }
            """;

    @Test
    void evalWithGradientReportsTheBranchesAndTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mod1.hyp");
        Files.writeString(file, MOD1);
        // x = -2.7 reaches [0, 1) after three additions, x = 5.25 after five subtractions
        for (Object[] c : new Object[][] {{"-2.7", 3, "then"}, {"5.25", 5, "else"}, {"0.5", 0, null}}) {
            CheckCommandTest.Run r = CheckCommandTest.hyp("eval", file.toString(), "mod1", "--at", "x=" + c[0], "--grad", "--json");
            assertEquals(Main.OK, r.code(), r.err());
            Map<?, ?> json = (Map<?, ?>) JsonReader.parse(r.out().trim());
            assertEquals(1.0, ((Number) ((Map<?, ?>) json.get("gradient")).get("x")).doubleValue());
            List<?> path = (List<?>) json.get("path");
            int trips = (Integer) c[1];
            assertEquals(1 + trips, path.size(), path.toString());
            Map<?, ?> loop = (Map<?, ?>) path.get(0);
            assertEquals("while", loop.get("kind"));
            assertEquals("2:5", loop.get("at"));
            assertEquals(trips, ((Number) loop.get("trips")).intValue());
            for (Object event : path.subList(1, path.size())) {
                assertEquals("if", ((Map<?, ?>) event).get("kind"));
                assertEquals("3:9", ((Map<?, ?>) event).get("at"));
                assertEquals(c[2], ((Map<?, ?>) event).get("taken"));
            }
        }
        CheckCommandTest.Run plain = CheckCommandTest.hyp("eval", file.toString(), "mod1", "--at", "x=2.5", "--json");
        assertFalse(plain.out().contains("path"), "the path comes with the gradient: " + plain.out());
    }

    @Test
    void aMillionTripLoopDifferentiatesInReverseAndReportsItsTapePeak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.hyp");
        // s' = s + h*tanh(s): ds_T/ds_0 is the product of (1 + h*(1 - tanh(s)^2)) over the trips
        Files.writeString(file, """
                def long(x: real) -> real {
                    s = x
                    for i in 0..1000000 { s = s + 1e-6 * tanh(s) }
                    return s
                }
                """);
        CheckCommandTest.Run r = CheckCommandTest.hyp("eval", file.toString(), "long", "--at", "x=0.5", "--grad", "--json");
        assertEquals(Main.OK, r.code(), r.err());
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(r.out().trim());
        double s = 0.5, ds = 1;
        for (int i = 0; i < 1_000_000; i++) {
            double t = Math.tanh(s);
            ds *= 1 + 1e-6 * (1 - t * t);
            s = s + 1e-6 * t;
        }
        assertEquals(ds, ((Number) ((Map<?, ?>) json.get("gradient")).get("x")).doubleValue(), 1e-9 * ds);
        Map<?, ?> tape = (Map<?, ?>) json.get("tape");
        // each trip keeps at least the overwritten s (8 bytes) for the reverse sweep
        assertTrue(((Number) tape.get("peakEntries")).longValue() >= 1_000_000, tape.toString());
        assertTrue(((Number) tape.get("peakBytes")).longValue() >= 8_000_000, tape.toString());
    }

    @Test
    void evalLowersOnlyTheDefItRunsSoAnotherDefsUnsupportedDerivativeDoesNotStopIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.hyp");
        Files.writeString(file, """
                def power(x: real) -> real {
                    for i in 0..3 { x = x * x }
                    return x
                }
                def descend(x: real) -> real {
                    for i in 0..2 { x = x - 0.1 * grad(power, x) }
                    return x
                }
                def again(x: real) = grad(descend, x)
                def fine(x: real) = grad(power, x)
                """);
        CheckCommandTest.Run ok = CheckCommandTest.hyp("eval", file.toString(), "fine", "--at", "x=1.1", "--json");
        assertEquals(Main.OK, ok.code(), ok.err());
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(ok.out().trim());
        assertEquals(8 * Math.pow(1.1, 7), ((Number) json.get("value")).doubleValue(), 1e-12);
        CheckCommandTest.Run bad = CheckCommandTest.hyp("eval", file.toString(), "again", "--at", "x=1.1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("mixed.hyp:9:") && bad.err().contains("not supported yet"), bad.err());
    }

    @Test
    void graphWithGradientPrintsTheAdjointCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sq.hyp");
        Files.writeString(file, "def sq(x: real, y: real) = x * x * y\n");
        CheckCommandTest.Run primal = CheckCommandTest.hyp("graph", file.toString(), "sq");
        CheckCommandTest.Run adjoint = CheckCommandTest.hyp("graph", file.toString(), "sq", "--grad");
        assertEquals(Main.OK, adjoint.code(), adjoint.err());
        assertFalse(primal.out().contains("sq_vjp"), primal.out());
        assertTrue(adjoint.out().contains("sq_vjp"), adjoint.out());
        assertTrue(adjoint.out().contains("bar"), "the cotangent parameter: " + adjoint.out());
        assertTrue(adjoint.out().lines().count() > primal.out().lines().count(), adjoint.out());
    }
}
