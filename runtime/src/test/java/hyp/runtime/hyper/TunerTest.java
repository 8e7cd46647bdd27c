package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both tuning loops lower the validation loss of the exact ridge solution on a problem that overfits. */
class TunerTest {
    /** 12 samples, 6 features of which 4 are noise, heavy label noise: too little regularization overfits. */
    private static final RidgeProblem PROBLEM = RidgeProblem.random(11, 12, 6, 40, 1.5, 0.0);
    private static final double ALPHA = 1 / PROBLEM.curvatureBound(Math.exp(2.0));
    private static final double[] START = {-3, -3, -3, -3, -3, -3};
    private static final int ROUNDS = 30;   // Adam moves λ by at most 0.1 a round, so exp(λ) stays below e²

    @Test
    void greedyTuningLowersTheValidationLoss() {
        List<TuningRound> seen = new ArrayList<>();
        Dynamics d = new RidgeGradientDescent(PROBLEM, ALPHA, new double[PROBLEM.d]);
        TuningResult r = new GreedyTuner(new StoreAll(), 10, new AdamUpdate(0.1)).tune(d, START, ROUNDS, seen::add);

        assertEquals(r.rounds(), seen);
        for (int i = 0; i < ROUNDS; i++) assertEquals(i, seen.get(i).round());
        assertEquals(10, seen.get(0).work().forwardSteps());
        double before = PROBLEM.exactValidationLoss(START);
        double after = PROBLEM.exactValidationLoss(r.hyper());
        assertTrue(after < 0.95 * before, "validation loss at w*(λ): " + before + " -> " + after);
        // Against the same 300 inner steps with λ left alone (early stopping alone regularizes, so compare like with like).
        double untuned = new StoreAll().compute(d, 10 * ROUNDS, START).value();
        assertTrue(seen.get(ROUNDS - 1).validationLoss() < untuned,
                "last round " + seen.get(ROUNDS - 1).validationLoss() + " vs untuned run " + untuned);
        assertArrayEquals(new double[] {-3, -3, -3, -3, -3, -3}, START, 0.0, "input λ must not be modified");
    }

    @Test
    void greedyTuningWithTheTreeFollowsTheSamePath() {
        Dynamics d = new RidgeGradientDescent(PROBLEM, ALPHA, new double[PROBLEM.d]);
        TuningResult all = new GreedyTuner(new StoreAll(), 25, new AdamUpdate(0.1)).tune(d, START, 10, TuningListener.NONE);
        TuningResult tree = new GreedyTuner(new TreeCheckpointing(), 25, new AdamUpdate(0.1))
                .tune(d, START, 10, TuningListener.NONE);
        assertArrayEquals(all.hyper(), tree.hyper(), 1e-12);
        assertArrayEquals(all.state(), tree.state(), 1e-12);
    }

    @Test
    void greedyCarriesTheInnerRunForward() {
        // Step indices seen by the dynamics must continue across rounds: 0 … rounds·k − 1, each once in the first sweep.
        BitSet seen = new BitSet();
        ScalarLinear base = new ScalarLinear(0.9);
        Dynamics recording = new Dynamics() {
            @Override public int stateSize() { return 1; }
            @Override public int hyperSize() { return 1; }
            @Override public void init(double[] h, double[] s) { base.init(h, s); }
            @Override public void step(int t, double[] s, double[] h, double[] n) { seen.set(t); base.step(t, s, h, n); }
            @Override public void stepAdjoint(int t, double[] s, double[] h, double[] nb, double[] sb, double[] hb) {
                base.stepAdjoint(t, s, h, nb, sb, hb);
            }
            @Override public void initAdjoint(double[] h, double[] sb, double[] hb) { base.initAdjoint(h, sb, hb); }
            @Override public double outerLoss(double[] s, double[] h) { return base.outerLoss(s, h); }
            @Override public void outerLossGradient(double[] s, double[] h, double[] sb, double[] hb) {
                base.outerLossGradient(s, h, sb, hb);
            }
        };
        OuterUpdate frozen = (hyper, gradient) -> {};
        TuningResult r = new GreedyTuner(new StoreAll(), 7, frozen).tune(recording, new double[] {1}, 5, TuningListener.NONE);
        assertEquals(35, seen.cardinality());
        assertEquals(34, seen.length() - 1);
        // With λ = 1 held fixed, s' = 0.9 s + λ from 0 gives s_35 = (1 − 0.9³⁵)/0.1; a restart would give s_7.
        assertEquals((1 - Math.pow(0.9, 35)) / 0.1, r.state()[0], 1e-12);
    }

    @Test
    void implicitTuningLowersTheValidationLoss() {
        List<TuningRound> seen = new ArrayList<>();
        Dynamics d = new RidgeHeavyBall(PROBLEM, 0.5 * ALPHA, 0.9, new double[PROBLEM.d]);
        ImplicitTuner tuner = new ImplicitTuner(new Implicit(), new AdamUpdate(0.1), new ImplicitTuner.Options(5000, 1e-10, 5));
        TuningResult r = tuner.tune(d, new RidgeObjective(PROBLEM), START, ROUNDS, seen::add);

        assertEquals(ROUNDS, seen.size());
        // The first inner run converged, so the reported loss is that of the exact argmin.
        double before = PROBLEM.exactValidationLoss(START);
        assertEquals(before, seen.get(0).validationLoss(), 1e-8 * before);
        assertTrue(seen.get(0).work().forwardSteps() > 0 && seen.get(0).work().forwardSteps() < 5000);
        assertTrue(seen.get(0).work().cgIterations() > 0);
        double after = PROBLEM.exactValidationLoss(r.hyper());
        assertTrue(after < 0.95 * before, "validation loss at w*(λ): " + before + " -> " + after);
        // Warm starts: later rounds need fewer inner steps than the cold first one.
        assertTrue(seen.get(ROUNDS - 1).work().forwardSteps() < seen.get(0).work().forwardSteps());
    }
}
