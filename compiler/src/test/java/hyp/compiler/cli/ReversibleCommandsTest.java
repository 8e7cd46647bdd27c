package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.testing.LogregProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp hypergrad --method reversible} and {@code hyp chain} in process. */
class ReversibleCommandsTest {
    private static final String PROGRAM = LogregProblem.DECLARATIONS + """
            optimizer adam_running(lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-8) {
                init { m = grad(w); v = grad(w)^2 }
                step {
                    w = w - lr * m / (sqrt(v) + eps)
                    g = grad(w)
                    m = b1 * m + (1 - b1) * g
                    v = b2 * v + (1 - b2) * g^2
                }
            }
            train w on train_loss by %s for 2000 steps
            tune rho on valid_loss by adam(lr = 0.1) for 5 rounds
            """;
    private static final String[] DATA = {"--at", "X=[[1,2,0.5],[0.5,-1,2],[2,0.1,-1],[-1,1,1],[0.3,0.3,-2],[1.5,-0.5,0.2]]",
            "--at", "y=[1,-1,1,-1,1,-1]", "--at", "Xv=[[1,1,1],[0.5,-2,0.3],[-1,0.2,0.4]]", "--at", "yv=[1,-1,1]"};

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(Path file, String... args) {
        String[] all = new String[args.length + 1 + DATA.length];
        all[0] = args[0];
        all[1] = file.toString();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        System.arraycopy(DATA, 0, all, args.length + 1, DATA.length);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path program(String optimizer) throws IOException {
        Path file = dir.resolve("p.hyp");
        Files.writeString(file, PROGRAM.formatted(optimizer));
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) JsonReader.parse(text.trim());
    }

    @SuppressWarnings("unchecked")
    private static double[] gradient(Map<String, Object> out) {
        List<Object> rho = (List<Object>) ((Map<String, Object>) out.get("hypergradient")).get("rho");
        return rho.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reversibleHypergradientPrintsTheBufferAndTheRatioAndMatchesUnrolled() throws IOException {
        Path file = program("adam_running(lr = 0.01, eps = 0.01)");
        Result rev = run(file, "hypergrad", "--method", "reversible", "--json");
        Result all = run(file, "hypergrad", "--method", "unrolled", "--json");
        assertEquals(0, rev.code(), rev.err());
        Map<String, Object> r = json(rev.out());
        double[] g = gradient(r), reference = gradient(json(all.out()));
        double scale = 0;
        for (double v : reference) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < g.length; i++) assertEquals(reference[i], g[i], 1e-6 * scale);
        Map<String, Object> details = (Map<String, Object>) r.get("reversible");
        double perStep = (Math.log(10.0 / 9) + Math.log(1000.0 / 999)) / Math.log(2);
        double bits = ((Number) details.get("bitsPerElementPerStep")).doubleValue();
        assertTrue(bits * 2000 <= 1.05 * perStep * 2000 + 2 * 64 && bits >= 0.95 * perStep, "bits " + bits);
        assertTrue(((Number) details.get("memoryRatio")).doubleValue() < 0.01);
        Result text = run(file, "hypergrad", "--method", "reversible");
        assertTrue(text.out().contains("bits per element per step") && text.out().contains("memory against store-all"), text.out());
    }

    @Test
    void aStepThatCannotBeInvertedIsAnErrorWithItsLocation() throws IOException {
        Result r = run(program("gd_armijo"), "hypergrad", "--method", "reversible");
        assertEquals(2, r.code());
        assertTrue(r.err().matches("(?s)<stdlib>/optimizers\\.hyp:\\d+:\\d+: error: .*data-dependent.*"), r.err());
        assertTrue(r.err().contains("p.hyp:18:1"), "names the train statement: " + r.err());
    }

    @Test
    void chainReportsFloatDriftAndWritesTheReport() throws IOException {
        Path report = dir.resolve("report");
        Result r = run(program("adam_running(lr = 0.05)"), "chain", "--method", "float", "--steps", "600", "--report",
                report.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(Boolean.FALSE, json(r.out()).get("bitForBit"));
        List<String> rows = Files.readAllLines(report.resolve("chain.csv"));
        assertEquals(602, rows.size(), "a header and t = 0..600");
        assertEquals("0.0", rows.get(601).split(",")[1], "the inverse starts from the true s_T");
        double atStart = Double.parseDouble(rows.get(1).split(",")[1]);
        assertTrue(!(atStart <= 1e-12), "float inversion of Adam drifts: " + atStart);
        for (String png : new String[] {"drift.png", "chain.png"}) {
            byte[] head = Files.readAllBytes(report.resolve(png));
            assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', png);
        }
    }

    @Test
    void exactChainIsBitForBit() throws IOException {
        Result r = run(program("adam_running(lr = 0.05)"), "chain", "--method", "exact", "--steps", "600", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> out = json(r.out());
        assertEquals(Boolean.TRUE, out.get("bitForBit"));
        assertEquals(0.0, ((Number) out.get("maxError")).doubleValue());
        assertEquals(2, run(program("adam"), "chain", "--method", "fixed").code(), "unknown method");
    }
}
