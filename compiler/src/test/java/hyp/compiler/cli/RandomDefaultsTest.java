package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.runtime.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code = randn(scale)} defaults: seeded by the name, normal with the given spread, sized like any default. */
class RandomDefaultsTest {
    private static final String SOURCE = """
            data X: real[n, d]
            param W: real[100, 100] = randn(0.5)
            param V: real[100, 100] = randn(0.5)
            param z: real[d] = randn(2 * 1.5)
            hyper r: real = randn(1)
            """;

    private static Map<String, Object> values() {
        CheckedProgram p = Pipeline.check(new SourceFile("r.hyp", SOURCE));
        return Bindings.globals(p, Map.of("X", Tensor.zeros(2, 7)));
    }

    @Test
    void drawsAreSeededByNameWithTheGivenSpread() {
        Map<String, Object> a = values(), b = values();
        Tensor w = (Tensor) a.get("W");
        assertEquals(w, b.get("W"), "the same file starts from the same point");
        assertNotEquals(w, a.get("V"), "each declaration draws its own values");
        double mean = 0, square = 0;
        for (double x : w.data) {
            mean += x / w.size();
            square += x * x / w.size();
        }
        assertEquals(0, mean, 0.02);
        assertEquals(0.5, Math.sqrt(square - mean * mean), 0.02);
        assertEquals(7, ((Tensor) a.get("z")).size(), "sized by the data's dimension d");
        assertTrue(a.get("r") instanceof Double);
    }

    private static String error(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Pipeline.check(new SourceFile("e.hyp", source)));
        return e.diagnostics().get(0).message();
    }

    @Test
    void misuseIsReported() {
        assertTrue(error("param w: real[3] = randn(1, 2)").contains("one argument"));
        assertTrue(error("data k: int = randn(1)").contains("gives real values"));
        assertTrue(error("param w: real[3] = randn(true)").contains("standard deviation of randn"));
        assertTrue(error("def f(x: real) = randn(x)").contains("randn"));
    }
}
