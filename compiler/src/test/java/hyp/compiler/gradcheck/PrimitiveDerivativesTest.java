package hyp.compiler.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every primitive's tangent and adjoint rule against the complex step of the primitive itself, and its second
 * derivatives (the tangent of the adjoint code) against the complex step of the adjoint code, at at least
 * {@value #POINTS} random points per primitive with edge values mixed in. Errors are relative to the largest entry
 * of the reference, or to the floor of {@link PointCheck} when that is larger (1e-3 of the size the derivative
 * would have at the primitive's own scale: it matters only where the reference is itself rounding, as for the
 * identically zero second derivative of the norm of a 1-element vector).
 */
class PrimitiveDerivativesTest {
    static final int POINTS = 100;
    static final double FIRST = 1e-12, SECOND = 1e-10;
    /** No central differences, and no allowance for measured rounding: only the floor of the error scale. */
    static final PointCheck.Settings STRICT = new PointCheck.Settings(false, PointCheck.FLOOR, false);
    private static final Map<Primitive, List<Case>> CASES = PrimitiveCases.all();

    @Test
    void everyPrimitiveIsTestedOrExempt() {
        List<String> missing = new ArrayList<>();
        for (Primitive p : Prims.ALL) {
            if (!CASES.containsKey(p) && !PrimitiveCases.EXEMPT.contains(p)) missing.add(p.name());
            if (CASES.containsKey(p) && PrimitiveCases.EXEMPT.contains(p)) fail(p.name() + " is both tested and exempt");
        }
        assertEquals(List.of(), missing, "primitives without derivative tests");
        assertTrue(Prims.ALL.containsAll(CASES.keySet()), "cases only for primitives in Prims.ALL");
    }

    @TestFactory
    Stream<DynamicTest> derivativesOfEachPrimitiveAgreeWithTheComplexStep() {
        return CASES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().name(), () -> check(e.getValue())));
    }

    private static void check(List<Case> cases) {
        Random random = new Random(cases.get(0).prim().name().hashCode());
        int perCase = (POINTS + cases.size() - 1) / cases.size(), points = 0;
        for (Case c : cases) {
            DerivativeCode code = DerivativeCode.of(c.function());
            for (int k = 0; k < perCase; k++, points++) {
                // the first points are all edge values, then one entry in three
                List<Object> x = c.draw(random, k < 4 ? 1.0 : 0.3);
                PointCheck.Result r;
                try {
                    r = PointCheck.at(code, x, random, STRICT);
                } catch (InvalidPoint ex) {
                    throw new AssertionError(c + " at " + x + ": " + ex.getMessage(), ex);
                }
                String where = c + " at " + x;
                assertTrue(r.errors().get(Comparison.ADJOINT) <= FIRST, where + ": adjoint error " + r.errors());
                assertTrue(r.errors().get(Comparison.TANGENT) <= FIRST, where + ": tangent error " + r.errors());
                Double second = r.errors().get(Comparison.HESSIAN_VECTOR);
                assertTrue(second != null && second <= SECOND, where + ": Hessian-vector error " + r.errors());
            }
        }
        assertTrue(points >= POINTS, points + " points");
    }
}
