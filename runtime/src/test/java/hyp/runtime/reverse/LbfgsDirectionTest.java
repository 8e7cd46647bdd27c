package hyp.runtime.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two-loop recursion against the BFGS inverse-Hessian update written out as dense matrices. */
class LbfgsDirectionTest {
    private static final int N = 5;

    @Test
    void twoLoopEqualsTheDenseInverseHessianUpdate() {
        Random rnd = new Random(3);
        double[][] s = new double[3][N], y = new double[3][N];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < N; i++) {
                s[j][i] = rnd.nextGaussian();
                y[j][i] = s[j][i] + 0.3 * rnd.nextGaussian();   // s·y > 0: every pair is used
            }
        }
        double[] g = new double[N];
        for (int i = 0; i < N; i++) g[i] = rnd.nextGaussian();
        // H0 = γI with γ = s3·y3 / y3·y3, then H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, oldest pair first.
        double gamma = dot(s[2], y[2]) / dot(y[2], y[2]);
        double[][] h = new double[N][N];
        for (int i = 0; i < N; i++) h[i][i] = gamma;
        for (int j = 0; j < 3; j++) {
            double rho = 1 / dot(s[j], y[j]);
            double[][] left = new double[N][N], right = new double[N][N];
            for (int a = 0; a < N; a++) {
                for (int b = 0; b < N; b++) {
                    left[a][b] = (a == b ? 1 : 0) - rho * s[j][a] * y[j][b];
                    right[a][b] = (a == b ? 1 : 0) - rho * y[j][a] * s[j][b];
                }
            }
            h = multiply(multiply(left, h), right);
            for (int a = 0; a < N; a++) for (int b = 0; b < N; b++) h[a][b] += rho * s[j][a] * s[j][b];
        }
        double[] expected = new double[N];
        for (int a = 0; a < N; a++) for (int b = 0; b < N; b++) expected[a] += h[a][b] * g[b];
        double[] r = new double[N];
        double slope = LbfgsDirection.compute(g, s, y, r);
        assertArrayEquals(expected, r, 1e-12);
        assertEquals(dot(g, expected), slope, 1e-12);
    }

    @Test
    void anEmptyHistoryGivesTheGradientAndSkippedPairsAreIgnored() {
        double[] g = {1, -2, 0.5, 3, -1};
        double[] r = new double[N];
        double[][] zeros = new double[3][N];
        LbfgsDirection.compute(g, zeros, zeros, r);
        assertArrayEquals(g, r, 0.0);
        // A pair of negative curvature (s·y < 0) alone: skipped, and the scale stays 1.
        double[][] s = new double[3][N], y = new double[3][N];
        s[2] = new double[] {1, 0, 0, 0, 0};
        y[2] = new double[] {-1, 0, 0, 0, 0};
        LbfgsDirection.compute(g, s, y, r);
        assertArrayEquals(g, r, 0.0);
    }

    @Test
    void stepLengthsSnapToTheArmijoGrid() {
        assertEquals(0.25, LbfgsInversion.snap(0.25 * (1 + 1e-7), 1.0), 0.0);
        assertEquals(0.75 / 8, LbfgsInversion.snap(0.0937, 0.75), 0.0);
        assertEquals(1.0, LbfgsInversion.snap(1.1, 1.0), 0.0);
        assertEquals(0.37, LbfgsInversion.snap(0.37, 1.0), 0.0, "off the grid: kept as estimated");
        assertEquals(0.37, LbfgsInversion.snap(0.37, Double.NaN), 0.0, "no lr: kept as estimated");
        assertEquals(0.0, LbfgsInversion.snap(0.0, 1.0), 0.0, "w did not move");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[N][N];
        for (int i = 0; i < N; i++) for (int k = 0; k < N; k++) for (int j = 0; j < N; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }
}
