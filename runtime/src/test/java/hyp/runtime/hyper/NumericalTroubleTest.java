package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Divergent runs are reported by name, never returned as numbers; the numerical reference is itself checked. */
class NumericalTroubleTest {
    /** s' = 10 s + λ overflows to infinity within a few hundred steps. */
    private static final ScalarLinear DIVERGENT = new ScalarLinear(10);

    @Test
    void divergentRunIsReportedByEachStrategy() {
        double[] lambda = {1};
        for (HypergradientStrategy s : new HypergradientStrategy[] {
                new StoreAll(), new TreeCheckpointing(), new BinomialCheckpointing(3), new NumericalHypergradient()}) {
            HypergradientException e = assertThrows(HypergradientException.class, () -> s.compute(DIVERGENT, 400, lambda));
            String name = s.getClass().getSimpleName();
            assertTrue(e.getMessage().startsWith(name), name + ": " + e.getMessage());
        }
    }

    @Test
    void centralDifferencesMatchTheClosedForm() {
        ScalarLinear d = new ScalarLinear(0.95);
        Hypergradient g = new NumericalHypergradient().compute(d, 80, new double[] {-1.3});
        double exact = d.closedFormGradient(80, -1.3);
        assertEquals(exact, g.gradient()[0], 1e-8 * Math.abs(exact));
        assertEquals(3 * 80, g.work().forwardSteps());
        assertEquals(0, g.memory().storedStates());
    }
}
