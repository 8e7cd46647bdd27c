package hyp.runtime.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;
import org.junit.jupiter.api.Test;

/**
 * The reversible strategy on hand-written heavy-ball dynamics: the same numbers as store-all on the same
 * fixed-point trajectory, central differences of the plain run, and far less memory.
 */
class ReversibleTest {
    private static final Quadratic Q = new Quadratic(6, 11);
    private static final double[] LAMBDA = {-1, -2, -0.5, -3, -1.5, -2.5};
    private static final double[] C = {0.3, -0.1, 0.2, 0.5, -0.4, 0.1};
    private final MomentumDynamics dynamics = new MomentumDynamics(Q, 0.1, 0.9, C);
    private final UpdateSequence seq = Q.momentum(0.1, "0.9");

    private static double relative(double[] expected, double[] actual) {
        double diff = 0, scale = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return diff / scale;
    }

    @Test
    void equalsStoreAllOnTheSameFixedPointTrajectory() {
        int steps = 2_000;
        ReversibleHypergradient r = new Reversible(seq).run(dynamics, steps, LAMBDA, null);
        Hypergradient all = new StoreAll().compute(new FixedPointDynamics(dynamics, seq, r.formats()), steps, LAMBDA);
        assertTrue(relative(all.gradient(), r.hypergradient().gradient()) <= 1e-10);
        assertEquals(all.value(), r.hypergradient().value(), 1e-12 * Math.abs(all.value()));
    }

    @Test
    void agreesWithCentralDifferencesOfThePlainRun() {
        int steps = 300;
        Hypergradient r = new Reversible(seq).compute(dynamics, steps, LAMBDA);
        Hypergradient numerical = new NumericalHypergradient().compute(dynamics, steps, LAMBDA);
        assertTrue(relative(numerical.gradient(), r.gradient()) <= 1e-6,
                "relative difference " + relative(numerical.gradient(), r.gradient()));
    }

    @Test
    void keepsFarLessThanStoreAll() {
        int steps = 5_000;
        ReversibleHypergradient r = new Reversible(seq).run(dynamics, steps, LAMBDA, null);
        Hypergradient all = new StoreAll().compute(dynamics, steps, LAMBDA);
        assertEquals(all.memory().storedBytes(), r.storeAllBytes());
        // β = 0.9 on v: log2(10/9) ≈ 0.152 bits per element and step against 2·64 bits of state
        assertTrue(r.memoryRatio() < 0.01, "ratio " + r.memoryRatio());
        assertTrue(r.hypergradient().memory().storedBytes() < all.memory().storedBytes() / 100);
        assertEquals(0.152, r.bitsPerElementPerStep(), 0.152 * 0.05);
    }

    @Test
    void theFixedPointDynamicsRefuseToRecomputeStepsOutOfOrder() {
        FixedPointDynamics fixed = new FixedPointDynamics(dynamics, seq, FixedPointFormats.uniform(seq, 50));
        assertThrows(IllegalStateException.class, () -> new TreeCheckpointing().compute(fixed, 64, LAMBDA));
    }
}
