package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {
    private static LinearOperator dense(double[][] a) {
        return (x, out) -> {
            for (int i = 0; i < a.length; i++) {
                double s = 0;
                for (int j = 0; j < x.length; j++) s += a[i][j] * x[j];
                out[i] = s;
            }
        };
    }

    /** BᵀB + I for a random B: symmetric positive definite. */
    private static double[][] randomSpd(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] b = new double[n][n];
        for (double[] row : b) for (int j = 0; j < n; j++) row[j] = rnd.nextGaussian();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) a[i][j] += b[k][i] * b[k][j];
            }
            a[i][i] += 1;
        }
        return a;
    }

    @Test
    void solvesSpdSystemLikeGaussianElimination() {
        int n = 8;
        double[][] a = randomSpd(n, 3);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = Math.sin(i + 1);
        double[] x = new double[n];
        CgResult r = new ConjugateGradient(n).solve(dense(a), b, x, 1e-12, 100);
        assertEquals(CgResult.Status.CONVERGED, r.status(), r.describe());
        assertTrue(r.relativeResidual() <= 1e-12);
        assertTrue(r.iterations() <= 2 * n, "iterations " + r.iterations());
        assertEquals(r.iterations(), r.operatorApplications(), "zero start spends no product on the first residual");
        Close.assertRelative(DenseSolve.solve(a, b), x, 1e-10, "CG solution");
    }

    @Test
    void warmStartAtTheSolutionTakesNoIteration() {
        double[][] a = randomSpd(5, 4);
        double[] expected = {1, -2, 0.5, 3, -1};
        double[] b = new double[5];
        dense(a).apply(expected, b);
        double[] x = DenseSolve.solve(a, b);
        CgResult r = new ConjugateGradient(5).solve(dense(a), b, x, 1e-8, 10);
        assertEquals(CgResult.Status.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertEquals(1, r.operatorApplications());
    }

    @Test
    void reportsNegativeCurvatureOnAnIndefiniteOperator() {
        double[][] a = {{1, 0}, {0, -1}};
        double[] x = new double[2];
        CgResult r = new ConjugateGradient(2).solve(dense(a), new double[] {0.5, 1}, x, 1e-10, 50);
        assertEquals(CgResult.Status.NEGATIVE_CURVATURE, r.status());
        assertTrue(r.curvature() <= 0);
        assertTrue(r.describe().contains("curvature"), r.describe());
        assertArrayEquals(new double[2], x, 0.0, "no step is taken along a direction of negative curvature");
    }

    @Test
    void reportsTheIterationCap() {
        double[][] a = {{1, 0, 0}, {0, 100, 0}, {0, 0, 1e4}};
        CgResult r = new ConjugateGradient(3).solve(dense(a), new double[] {1, 1, 1}, new double[3], 1e-12, 2);
        assertEquals(CgResult.Status.ITERATION_LIMIT, r.status());
        assertEquals(2, r.iterations());
        assertTrue(r.relativeResidual() > 1e-12);
        assertTrue(r.describe().contains("did not converge"), r.describe());
    }

    @Test
    void reportsNonFiniteOperatorOutput() {
        LinearOperator broken = (x, out) -> Arrays.fill(out, Double.NaN);
        CgResult r = new ConjugateGradient(2).solve(broken, new double[] {1, 1}, new double[2], 1e-10, 10);
        assertEquals(CgResult.Status.NON_FINITE, r.status());
    }

    @Test
    void zeroRightHandSideGivesZero() {
        double[] x = {3, 4};
        CgResult r = new ConjugateGradient(2).solve(dense(randomSpd(2, 1)), new double[2], x, 1e-10, 10);
        assertTrue(r.converged());
        assertArrayEquals(new double[2], x, 0.0);
    }
}
