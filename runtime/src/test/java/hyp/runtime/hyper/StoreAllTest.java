package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reference strategy against independent derivatives: central differences and a closed form. */
class StoreAllTest {
    static final RidgeProblem PROBLEM = RidgeProblem.random(7, 12, 6, 20, 1.0, 0.05);
    static final double[] LAMBDA = {-1.0, 0.3, -2.0, 0.5, -0.4, 1.0};
    static final double[] W0 = {0.5, -0.3, 0.2, 0.1, -0.2, 0.4};

    static RidgeGradientDescent gradientDescent() {
        return new RidgeGradientDescent(PROBLEM, 1 / PROBLEM.curvatureBound(Math.exp(1.0)), W0);
    }

    static RidgeHeavyBall heavyBall() {
        return new RidgeHeavyBall(PROBLEM, 0.5 / PROBLEM.curvatureBound(Math.exp(1.0)), 0.8, W0);
    }

    @Test
    void gradientDescentMatchesCentralDifferences() {
        Dynamics d = gradientDescent();
        Hypergradient exact = new StoreAll().compute(d, 50, LAMBDA);
        Hypergradient numeric = new NumericalHypergradient().compute(d, 50, LAMBDA);
        Close.assertRelative(numeric.gradient(), exact.gradient(), 1e-6, "GD, T = 50");
        assertEquals(numeric.value(), exact.value(), 1e-12 * Math.abs(exact.value()));
    }

    @Test
    void heavyBallMatchesCentralDifferences() {
        Dynamics d = heavyBall();
        Hypergradient exact = new StoreAll().compute(d, 60, LAMBDA);
        Hypergradient numeric = new NumericalHypergradient().compute(d, 60, LAMBDA);
        Close.assertRelative(numeric.gradient(), exact.gradient(), 1e-6, "heavy ball, T = 60");
    }

    @Test
    void scalarRunMatchesClosedForm() {
        ScalarLinear d = new ScalarLinear(0.97);
        Hypergradient g = new StoreAll().compute(d, 200, new double[] {0.7});
        assertEquals(d.closedFormGradient(200, 0.7), g.gradient()[0], 1e-12 * Math.abs(g.gradient()[0]));
    }

    @Test
    void zeroStepsGivesTheDirectTermAndTheInitialState() {
        // With T = 0 only L_te(s_0) counts; heavy ball's s_0 = (w_0, v_0), and L_te reads w only.
        Hypergradient g = new StoreAll().compute(heavyBall(), 0, LAMBDA);
        double[] direct = new double[LAMBDA.length];
        for (int i = 0; i < direct.length; i++) direct[i] = PROBLEM.kappa * LAMBDA[i];
        assertArrayEquals(direct, g.gradient(), 1e-15);
        assertEquals(PROBLEM.validationLoss(W0, LAMBDA), g.value(), 1e-12);
    }

    @Test
    void reportsWorkMemoryAndFinalState() {
        Dynamics d = heavyBall();
        double[] last = new double[d.stateSize()];
        Hypergradient g = new StoreAll().compute(d, 40, LAMBDA, last);
        assertEquals(new Work(40, 40, 0, 0), g.work());
        assertEquals(40, g.memory().storedStates());
        assertEquals(40L * d.stateSize() * 8, g.memory().storedBytes());
        double[] s = new double[d.stateSize()];
        double[] next = new double[d.stateSize()];
        d.init(LAMBDA, s);
        for (int t = 0; t < 40; t++) {
            d.step(t, s, LAMBDA, next);
            System.arraycopy(next, 0, s, 0, s.length);
        }
        assertArrayEquals(s, last, 0.0);
        assertEquals(d.outerLoss(s, LAMBDA), g.value(), 0.0);
    }
}
