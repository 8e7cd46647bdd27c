package hyp.runtime.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaTest {
    @Test
    void evaluatesPostfixWithDimensionSizes() {
        Map<String, Integer> sizes = Map.of("d", 4, "n", 10);
        assertEquals(-0.5, Formula.parse("1.0 neg 2.0 /").value(sizes), 0.0);
        assertEquals(2 * 4 + 1, Formula.parse("2 d * 1 +").value(sizes), 0.0);
        assertEquals(Math.sqrt(10) - Math.exp(Math.log(3)), Formula.parse("n sqrt 3 log exp -").value(sizes), 1e-15);
        assertEquals(Math.pow(4, -2), Formula.parse("d 2 neg ^").value(sizes), 0.0);
        assertEquals(1e-8, Formula.parse("1.0E-8").value(sizes), 0.0);
    }

    @Test
    void anUnknownDimensionOrAMalformedFormulaIsNamed() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> Formula.parse("m 2 *").value(Map.of()));
        assertTrue(unknown.getMessage().contains("dimension m"), unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> Formula.parse("1 +").value(Map.of()));
        assertThrows(IllegalStateException.class, () -> Formula.parse("1 2").value(Map.of()));
    }
}
