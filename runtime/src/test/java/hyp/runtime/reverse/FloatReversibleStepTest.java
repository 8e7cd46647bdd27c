package hyp.runtime.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Float inversion drifts; the exact inversion of the same chain does not (ChainDrift measures both). */
class FloatReversibleStepTest {
    private static final Quadratic Q = new Quadratic(6, 11);
    private static final double[] LAMBDA = {-1, -2, -0.5, -3, -1.5, -2.5};

    @Test
    void dividingByGammaAmplifiesRoundingUntilTheRecoveredStartIsWrong() {
        // Heavy ball's step has determinant β per (w, v) pair and, underdamped, eigenvalues of modulus √β: each
        // inverse step multiplies the rounding error by about 1/√0.9, over 1000 steps by about 10^23, so even
        // errors of one unit in the last place of the smallest values end far above 1e-6.
        UpdateSequence seq = Q.momentum(0.1, "0.9");
        ChainDrift.Result r = ChainDrift.run(new FloatReversibleStep(seq), new double[2 * Q.n], LAMBDA, 1000);
        assertTrue(r.stateError()[0] > 1e-6, "float inversion drifted only " + r.stateError()[0]);
        assertTrue(r.stateError()[0] > 1e3 * r.stateError()[900], "the error grows as the inverse runs back");
        assertEquals(0.0, r.stateError()[1000], "the inverse starts from the true s_T");
    }

    @Test
    void theExactInversionOfTheSameChainHasNoError() {
        UpdateSequence seq = Q.momentum(0.1, "0.9");
        double[] s0 = new double[2 * Q.n];
        ChainDrift.Result r = ChainDrift.run(new ExactReversibleStep(seq, FixedPointFormats.observe(seq, s0, LAMBDA, 300)),
                s0, LAMBDA, 300);
        assertEquals(0.0, r.maxParameterError());
        for (double e : r.stateError()) assertEquals(0.0, e);
        assertEquals(-1, r.lastStepAbove(0));
    }

    @Test
    void theImplicitFloatInverseSolvesTheGradientStep() {
        // One step back from w' must give a w with w − lr∇L(w) = w' to rounding: check the residual directly.
        UpdateSequence seq = Q.gradientDescent(0.3);
        FloatReversibleStep f = new FloatReversibleStep(seq);
        double[] w0 = {0.5, -0.2, 0.1, 0.3, -0.4, 0.2};
        f.start(w0, LAMBDA);
        f.forward();
        double[] w1 = new double[Q.n];
        f.view(w1);
        f.inverse();
        double[] back = new double[Q.n];
        f.view(back);
        double[] g = Q.gradient(back, LAMBDA);
        for (int i = 0; i < Q.n; i++) assertEquals(w1[i], back[i] - 0.3 * g[i], 1e-15);
        for (int i = 0; i < Q.n; i++) assertEquals(w0[i], back[i], 1e-14);
    }
}
