package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Implicit differentiation against the hand-derived hypergradient of the exact ridge argmin. */
class ImplicitTest {
    private static final RidgeProblem PROBLEM = StoreAllTest.PROBLEM;
    private static final double[] LAMBDA = StoreAllTest.LAMBDA;

    /** Runs heavy ball long enough to reach w* to near machine precision; returns w. */
    private static double[] converge(double[] lambda) {
        Dynamics d = new RidgeHeavyBall(PROBLEM, 0.5 / PROBLEM.curvatureBound(Math.exp(1.0)), 0.9, new double[PROBLEM.d]);
        double[] s = new double[d.stateSize()];
        double[] next = new double[d.stateSize()];
        d.init(lambda, s);
        for (int t = 0; t < 3000; t++) {
            d.step(t, s, lambda, next);
            System.arraycopy(next, 0, s, 0, s.length);
        }
        double[] w = Arrays.copyOf(s, PROBLEM.d);
        double[] g = new double[PROBLEM.d];
        new RidgeObjective(PROBLEM).gradW(w, lambda, g);
        assertTrue(Vectors.norm(g) < 1e-9, "inner run did not converge: ‖∇_w L_tr‖ = " + Vectors.norm(g));
        return w;
    }

    @Test
    void closedFormAgreesWithCentralDifferencesOfTheExactArgmin() {
        // Guards the test's own hand derivation before anything is compared with it.
        double[] analytic = PROBLEM.closedFormHypergradient(LAMBDA);
        double[] numeric = new double[LAMBDA.length];
        for (int i = 0; i < LAMBDA.length; i++) {
            double h = 1e-5;
            double[] plus = LAMBDA.clone();
            double[] minus = LAMBDA.clone();
            plus[i] += h;
            minus[i] -= h;
            numeric[i] = (PROBLEM.exactValidationLoss(plus) - PROBLEM.exactValidationLoss(minus)) / (2 * h);
        }
        Close.assertRelative(analytic, numeric, 1e-7, "closed form vs differences");
    }

    @Test
    void implicitAtConvergedIterateMatchesClosedForm() {
        double[] w = converge(LAMBDA);
        Implicit implicit = new Implicit(new Implicit.Options(1e-12, 200, 0));
        Hypergradient g = implicit.compute(new RidgeObjective(PROBLEM), w, LAMBDA);
        Close.assertRelative(PROBLEM.closedFormHypergradient(LAMBDA), g.gradient(), 1e-6, "implicit (CG)");
        assertEquals(PROBLEM.exactValidationLoss(LAMBDA), g.value(), 1e-9 * g.value());
        assertEquals(0, g.memory().storedStates());
        assertEquals(g.work().cgIterations(), g.work().hessianVectorProducts());
        assertTrue(g.work().cgIterations() >= 1 && g.work().cgIterations() <= 3L * PROBLEM.d, g.work().toString());
        assertTrue(implicit.lastSolve().converged());
    }

    @Test
    void denseReferenceMatchesClosedFormAndCg() {
        double[] w = converge(LAMBDA);
        RidgeObjective f = new RidgeObjective(PROBLEM);
        Hypergradient dense = DenseImplicit.compute(f, w, LAMBDA, 0);
        Close.assertRelative(PROBLEM.closedFormHypergradient(LAMBDA), dense.gradient(), 1e-6, "dense implicit");
        Hypergradient cg = new Implicit(new Implicit.Options(1e-13, 200, 0)).compute(f, w, LAMBDA);
        Close.assertRelative(dense.gradient(), cg.gradient(), 1e-9, "CG vs dense");
        assertEquals(PROBLEM.d, dense.work().hessianVectorProducts());
    }

    @Test
    void dampingSolvesTheShiftedSystem() {
        double[] w = converge(LAMBDA);
        RidgeObjective f = new RidgeObjective(PROBLEM);
        Hypergradient damped = new Implicit(new Implicit.Options(1e-13, 200, 2.0)).compute(f, w, LAMBDA);
        Close.assertRelative(DenseImplicit.compute(f, w, LAMBDA, 2.0).gradient(), damped.gradient(), 1e-9, "μ = 2");
        double[] undamped = PROBLEM.closedFormHypergradient(LAMBDA);
        double diff = 0;
        for (int i = 0; i < undamped.length; i++) diff = Math.max(diff, Math.abs(undamped[i] - damped.gradient()[i]));
        assertTrue(diff > 1e-3, "damping should change the answer, difference " + diff);
    }

    @Test
    void indefiniteHessianIsReportedNotAnswered() {
        double[] lambda = {0.3, -0.4};
        double[] w = IndefiniteObjective.stationaryPoint(lambda);
        HypergradientException e = assertThrows(HypergradientException.class,
                () -> new Implicit().compute(new IndefiniteObjective(), w, lambda));
        assertTrue(e.getMessage().contains("Implicit") && e.getMessage().contains("curvature"), e.getMessage());
        // The dense reference needs only a non-singular H and gets the saddle's derivative right.
        Hypergradient dense = DenseImplicit.compute(new IndefiniteObjective(), w, lambda, 0);
        Close.assertRelative(IndefiniteObjective.closedFormHypergradient(lambda), dense.gradient(), 1e-12, "dense at saddle");
    }

    @Test
    void iterationCapIsReportedWithResidual() {
        double[] w = converge(LAMBDA);
        HypergradientException e = assertThrows(HypergradientException.class,
                () -> new Implicit(new Implicit.Options(1e-14, 1, 0)).compute(new RidgeObjective(PROBLEM), w, LAMBDA));
        assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("residual"), e.getMessage());
    }

    @Test
    void singularHessianIsReportedByTheDenseReference() {
        InnerObjective flat = new IndefiniteObjective() {
            @Override
            public void hessianVector(double[] w, double[] hyper, double[] v, double[] out) {
                out[0] = v[0];
                out[1] = 0;
            }
        };
        HypergradientException e = assertThrows(HypergradientException.class,
                () -> DenseImplicit.compute(flat, new double[] {0, 0}, new double[] {0, 0}, 0));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }
}
