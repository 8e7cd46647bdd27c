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

/** {@code hyp hypergrad --method complex}, and tune's refusal of it, in process. */
class ComplexStepCommandTest {
    private static final String PROGRAM = LogregProblem.DECLARATIONS + """
            train w on train_loss by adam(lr = 0.05) for 100 steps
            tune rho on valid_loss by adam(lr = 0.1) for 5 rounds
            """;
    private static final String[] DATA = {"--at", "X=[[1,2,0.5],[0.5,-1,2],[2,0.1,-1],[-1,1,1],[0.3,0.3,-2],[1.5,-0.5,0.2]]",
            "--at", "y=[1,-1,1,-1,1,-1]", "--at", "Xv=[[1,1,1],[0.5,-2,0.3],[-1,0.2,0.4]]", "--at", "yv=[1,-1,1]"};

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(String... args) throws IOException {
        Path file = dir.resolve("p.hyp");
        Files.writeString(file, PROGRAM);
        String[] all = new String[args.length + 1 + DATA.length];
        all[0] = args[0];
        all[1] = file.toString();
        System.arraycopy(args, 1, all, 2, args.length - 1);
        System.arraycopy(DATA, 0, all, args.length + 1, DATA.length);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Result r) {
        assertEquals(Main.OK, r.code(), r.err());
        return (Map<String, Object>) JsonReader.parse(r.out().trim());
    }

    @SuppressWarnings("unchecked")
    private static double[] gradient(Map<String, Object> out) {
        List<Object> rho = (List<Object>) ((Map<String, Object>) out.get("hypergradient")).get("rho");
        return rho.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    @Test
    void complexMatchesUnrolledAndPrintsTheSameKeys() throws IOException {
        Map<String, Object> complex = json(run("hypergrad", "--method", "complex", "--json"));
        Map<String, Object> unrolled = json(run("hypergrad", "--method", "unrolled", "--json"));
        for (String key : List.of("value", "hypergradient", "memory", "work")) assertTrue(complex.containsKey(key), key);
        assertEquals("complex", complex.get("method"));
        double value = ((Number) unrolled.get("value")).doubleValue();
        assertEquals(value, ((Number) complex.get("value")).doubleValue(), 1e-12 * Math.abs(value));
        double[] a = gradient(unrolled), b = gradient(complex);
        double scale = 0;
        for (double x : a) scale = Math.max(scale, Math.abs(x));
        assertTrue(scale > 0);
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-12 * scale, "rho[" + i + "]");
    }

    @Test
    void tuneRefusesTheComplexStep() throws IOException {
        Result r = run("tune", "--method", "complex");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("hypergrad") && r.err().contains("complex"), r.err());
    }
}
