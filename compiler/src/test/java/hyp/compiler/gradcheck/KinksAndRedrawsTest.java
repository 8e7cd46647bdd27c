package hyp.compiler.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Central differences across a kink or a branch would differentiate two pieces at once (for |x| at x = 1e-7 with
 * h ≈ 7.6e-6 they give x/h ≈ 0.013 instead of 1), so such steps are skipped; draws where a def is not defined
 * are drawn again; a def defined nowhere fails the check rather than passing unchecked.
 */
class KinksAndRedrawsTest {
    private static final String SOURCE = """
            def kink(x: real) = abs(x) + 2 * x
            def pick(a: real, b: real) = max(a, b) * a
            def mod1(x: real) -> real {
                while x < 0 or x >= 1 {
                    if x < 0 { x = x + 1 } else { x = x - 1 }
                }
                return x
            }
            def logarithm(x: real) = log(x) * x
            def nowhere(x: real) = sqrt(-1 - x * x)
            """;
    private static final List<Function> DEFS = Pipeline.lower(Pipeline.check(new SourceFile("kinks.hyp", SOURCE)));

    private static Function def(String name) {
        return DEFS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static KinkRecorder.Signature signature(DerivativeCode code, Object... x) {
        KinkRecorder r = new KinkRecorder();
        code.value(List.of(x), r);
        return r.signature();
    }

    @Test
    void signaturesTellTheSidesOfKinksAndBranches() {
        DerivativeCode kink = DerivativeCode.of(def("kink")), pick = DerivativeCode.of(def("pick")), mod1 = DerivativeCode.of(def("mod1"));
        assertEquals(signature(kink, 0.5), signature(kink, 2.0));
        assertNotEquals(signature(kink, 1e-9), signature(kink, -1e-9));
        assertEquals(signature(pick, 1.0, 0.5), signature(pick, 3.0, -2.0));
        assertNotEquals(signature(pick, 1.0, 0.9999), signature(pick, 1.0, 1.0001));
        assertEquals(signature(mod1, 2.25), signature(mod1, 2.75));
        assertNotEquals(signature(mod1, 2.9999999), signature(mod1, 3.0000001), "one more trip");
        assertNotEquals(signature(mod1, -0.25), signature(mod1, 0.25), "the other branch");
    }

    @Test
    void centralStepsAcrossAKinkOrABranchAreSkipped() {
        for (Object[] c : new Object[][] {{"kink", 1e-7}, {"mod1", 1 - 1e-7}, {"mod1", -1e-7}}) {
            PointCheck.Result r = PointCheck.at(DerivativeCode.of(def((String) c[0])), List.of(c[1]), new Random(1));
            assertEquals(1, r.steps());
            assertEquals(1, r.skippedSteps(), c[0] + " at " + c[1]);
            assertNull(r.errors().get(Comparison.CENTRAL), "no central difference measured");
            assertTrue(r.errors().get(Comparison.ADJOINT) <= 1e-15, "the adjoint still follows the branch taken");
        }
        PointCheck.Result away = PointCheck.at(DerivativeCode.of(def("kink")), List.of(0.3), new Random(1));
        assertEquals(0, away.skippedSteps());
        assertTrue(away.errors().get(Comparison.CENTRAL) <= 1e-8, away.toString());
    }

    @Test
    void drawsWhereTheDefIsUndefinedAreDrawnAgain() {
        DefReport log = DefCheck.run(def("logarithm"), 8, 5);
        assertTrue(log.passed(), log.toString());
        assertEquals(8, log.points());
        assertTrue(log.redrawn() > 0, "negative draws of x are rejected");
        for (Comparison c : Comparison.values()) assertEquals(8, log.stats().get(c).points(), c.label);

        DefReport none = DefCheck.run(def("nowhere"), 3, 5);
        assertFalse(none.passed());
        assertTrue(none.failure().startsWith("no point found"), none.failure());
        assertTrue(CheckTable.format(List.of(none)).contains("FAILED"));
    }
}
