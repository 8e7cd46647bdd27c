package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.reverse.ExactReversibleStep;
import hyp.runtime.reverse.FixedPointDynamics;
import hyp.runtime.reverse.FixedPointFormats;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.reverse.ReversibleHypergradient;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Compiled optimizers on logistic regression (d = 10) run 10^4 steps forward and back exactly; the reversible
 * hypergradient against store-all on the same fixed-point trajectory and on the plain double run.
 */
class ReversedOptimizersTest {
    private static final int T = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"adam_running(lr = 0.05)", "adam(lr = 0.05)", "momentum(lr = 0.2)", "sgd(lr = 0.5)",
            "nesterov(lr = 0.2)"})
    void tenThousandStepsBackReturnTheStartBitForBit(String optimizer) {
        Setup s = Setup.of(Setup.ADAM_RUNNING, optimizer, 10);
        double[] s0 = s.initialState();
        ExactReversibleStep ex = new ExactReversibleStep(s.sequence(), FixedPointFormats.observe(s.sequence(), s0, s.hyper(), T));
        ex.start(s0, s.hyper());
        long[][] start = ex.fixedState();
        for (int t = 0; t < T; t++) ex.forward();
        assertFalse(Arrays.deepEquals(start, ex.fixedState()), "the run moved");
        for (int t = 0; t < T; t++) ex.inverse();
        assertTrue(Arrays.deepEquals(start, ex.fixedState()), optimizer + ": (w0, m0, v0) bit-for-bit");
        assertTrue(ex.buffersEmpty(), "buffers empty at s_0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam_running(lr = 0.01, eps = 0.01)", "momentum(lr = 0.2)", "sgd(lr = 0.5)"})
    void theHypergradientMatchesStoreAllOnTheSameTrajectoryAndTheFloatRun(String optimizer) {
        Setup s = Setup.of(Setup.ADAM_RUNNING, optimizer, 10);
        ReversibleHypergradient r = new Reversible(s.sequence()).run(s.dynamics(), T, s.hyper(), null);
        Hypergradient same = new StoreAll().compute(new FixedPointDynamics(s.dynamics(), s.sequence(), r.formats()), T, s.hyper());
        Hypergradient plain = new StoreAll().compute(s.dynamics(), T, s.hyper());
        double[] g = r.hypergradient().gradient();
        assertTrue(relative(same.gradient(), g) <= 1e-10, "same trajectory: " + relative(same.gradient(), g));
        assertTrue(relative(plain.gradient(), g) <= 1e-6, "float run: " + relative(plain.gradient(), g));
        assertEquals(plain.value(), r.hypergradient().value(), 1e-9 * Math.abs(plain.value()));
    }

    @Test
    void adamsBufferHoldsLog2OfTenNinthsAndThousandOverNineHundredNinetyNineBitsPerElementAndStep() {
        Setup s = Setup.of(Setup.ADAM_RUNNING, "adam_running(lr = 0.01, eps = 0.01)", 10);
        ReversibleHypergradient r = new Reversible(s.sequence()).run(s.dynamics(), T, s.hyper(), null);
        double perStep = (Math.log(10.0 / 9) + Math.log(1000.0 / 999)) / Math.log(2);   // ≈ 0.1535
        assertEquals(T, r.activeSteps());
        double bound = 1.05 * T * perStep + 2 * 64;   // plus one 64-bit head per element of m and v
        assertTrue(r.bitsPerElementPerStep() * T <= bound, r.bitsPerElementPerStep() + " bits per element per step");
        assertTrue(r.bitsPerElementPerStep() >= 0.95 * perStep);
        assertEquals(perStep, r.predictedBitsPerElementPerStep(), 1e-12);
        assertTrue(r.memoryRatio() < 0.002, "ratio to store-all " + r.memoryRatio());
    }

    private static double relative(double[] expected, double[] actual) {
        double diff = 0, scale = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return diff / scale;
    }
}
