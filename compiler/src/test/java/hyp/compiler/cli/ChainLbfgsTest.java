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

/** {@code hyp chain} on the shipped L-BFGS example: float walks back two ways, exact is refused at the statement. */
class ChainLbfgsTest {
    @TempDir
    Path dir;

    /** examples/reversible_lbfgs.hyp, found from the module's folder or the repository's. */
    private static String example() {
        for (String p : List.of("../examples/reversible_lbfgs.hyp", "examples/reversible_lbfgs.hyp")) {
            if (Files.exists(Path.of(p))) return p;
        }
        throw new IllegalStateException("examples/reversible_lbfgs.hyp not found");
    }

    private static double number(Map<String, Object> out, String key) {
        assertTrue(out.containsKey(key), "no " + key + " in " + out);
        return ((Number) out.get(key)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void floatWalksBackBothWaysAndWritesBothCurves() throws IOException {
        Path report = dir.resolve("report");
        Result r = run("chain", example(), "--method", "float", "--json", "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> out = (Map<String, Object>) JsonReader.parse(r.out().trim());
        assertEquals("lbfgs", out.get("optimizer"));
        double subtract = number(out, "maxErrorSubtract"), recompute = number(out, "maxErrorRecompute");
        assertTrue(subtract < 1e-12, "subtracting the kept steps only rounds: " + subtract);
        assertTrue(recompute > 1e6 * subtract, "recomputing drifts: " + recompute);
        assertTrue(number(out, "growthPerStepRecompute") > 1.5, out.toString());
        List<String> rows = Files.readAllLines(report.resolve("chain.csv"));
        assertTrue(rows.get(0).startsWith("t,w_error_subtract,w_error_recompute,"), rows.get(0));
        assertEquals((int) number(out, "steps") + 2, rows.size(), "a header and t = 0..T");
        byte[] png = Files.readAllBytes(report.resolve("drift.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');

        Result text = run("chain", example(), "--method", "float", "--steps", "20");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("subtract the kept step") && text.out().contains("recompute the step")
                && text.out().contains("per step back"), text.out());
    }

    @Test
    void exactIsRefusedAtTheHistoryShift() {
        Result r = run("chain", example(), "--method", "exact");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("<stdlib>/optimizers.hyp:") && r.err().contains("s1 = s2"), r.err());
        assertTrue(r.err().contains("reversible_lbfgs.hyp:22:1"), "names the train statement: " + r.err());
    }
}
