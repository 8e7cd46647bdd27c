package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.testing.LogregProblem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp hypergrad --json} counts the passes over each data tensor the generated code makes. */
class DataPassesCommandTest {
    private static final String[] DATA = {"--at", "X=[[1,2,0.5],[0.5,-1,2],[2,0.1,-1],[-1,1,1],[0.3,0.3,-2],[1.5,-0.5,0.2]]",
            "--at", "y=[1,-1,1,-1,1,-1]", "--at", "Xv=[[1,1,1],[0.5,-2,0.3],[-1,0.2,0.4]]", "--at", "yv=[1,-1,1]"};

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Map<String, Object> passes(String method) throws Exception {
        Path file = dir.resolve("p.hyp");
        Files.writeString(file, LogregProblem.trainedBy("adam(lr = 0.05)", 20));
        String[] args = new String[4 + DATA.length];
        args[0] = "hypergrad";
        args[1] = file.toString();
        args[2] = "--method=" + method;
        args[3] = "--json";
        System.arraycopy(DATA, 0, args, 4, DATA.length);
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(Main.OK, Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(out.toString().trim());
        return (Map<String, Object>) ((Map<String, Object>) json.get("work")).get("dataPasses");
    }

    @Test
    void oneGradientIsOnePassOverX() throws Exception {
        Map<String, Object> p = passes("unrolled");
        // a step takes one gradient: X w and Xᵀ r in one pass (two before row-pass fusion)
        assertEquals(Map.of("X", 1L, "y", 1L), longs(p.get("perStep")));
        // its adjoint: adam's step recomputes its gradient, then the gradient at the new point and the
        // Hessian-vector product through it: three passes, six before
        assertEquals(Map.of("X", 3L, "y", 3L), longs(p.get("perAdjointStep")));
        assertEquals(Map.of("X", 20L * 1 + 20L * 3, "y", 20L * 1 + 20L * 3), longs(p.get("inStepsAndProducts")));
    }

    @Test
    void implicitCountsItsHessianVectorProducts() throws Exception {
        Map<String, Object> p = passes("implicit");
        // X w and X v, the weights and Xᵀ(weights) in one pass: the unread loss value, gradient and tangent of the
        // value are not computed (they would need X w and X v as passes of their own)
        assertEquals(Map.of("X", 1L, "y", 1L), longs(p.get("perHessianVectorProduct")));
        Map<String, Long> total = longs(p.get("inStepsAndProducts"));
        assertEquals(true, total.get("X") > 20 + 1, total.toString()); // 20 steps and at least one product
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Object o) {
        Map<String, Long> out = new java.util.HashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }
}
