package hyp.runtime.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseSolveTest {
    private final Random rnd = new Random(47);

    private double[] random(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    /** MᵀM + n·I: symmetric positive definite and well conditioned. */
    private double[] spd(int n) {
        double[] m = random(n * n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += m[k * n + i] * m[k * n + j];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    /** max |A x − b| relative to ‖A‖·‖x‖ + ‖b‖ (max norms), column by column. */
    private static double relativeResidual(double[] a, int n, double[] x, double[] b) {
        int r = b.length / n;
        double worst = 0;
        for (int c = 0; c < r; c++) {
            double res = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                double g = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * x[j * r + c];
                    g += Math.abs(a[i * n + j] * x[j * r + c]);
                }
                res = Math.max(res, Math.abs(s - b[i * r + c]));
                scale = Math.max(scale, g + Math.abs(b[i * r + c]));
            }
            worst = Math.max(worst, res / scale);
        }
        return worst;
    }

    @Test
    void choleskySolvesSpdSystemsToSmallResidual() {
        for (int n : new int[] {1, 2, 5, 17, 60}) {
            double[] a = spd(n);
            double[] keep = a.clone();
            for (int r : new int[] {1, 3}) {
                double[] b = random(n * r);
                double[] x = DenseSolve.cholesky(a, n, b);
                assertTrue(relativeResidual(a, n, x, b) < 1e-14, "n=" + n + " r=" + r);
            }
            assertArrayEquals(keep, a, "input untouched");
        }
    }

    @Test
    void choleskyRejectsIndefiniteAndAsymmetricMatrices() {
        double[] indefinite = {1, 2, 2, 1}; // eigenvalues 3 and -1
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DenseSolve.cholesky(indefinite, 2, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        IllegalArgumentException asym = assertThrows(IllegalArgumentException.class,
                () -> DenseSolve.cholesky(new double[] {2, 1, 0, 2}, 2, new double[] {1, 1}));
        assertTrue(asym.getMessage().contains("not symmetric"), asym.getMessage());
    }

    @Test
    void luSolvesGeneralSystemsToSmallResidual() {
        for (int n : new int[] {1, 2, 7, 33, 80}) {
            double[] a = random(n * n);
            double[] b = random(n * 2);
            double[] x = DenseSolve.lu(a, n, b);
            assertTrue(relativeResidual(a, n, x, b) < 1e-13, "n=" + n);
        }
        // a matrix that needs pivoting: zero in the top-left corner
        double[] x = DenseSolve.lu(new double[] {0, 1, 1, 0}, 2, new double[] {3, 4});
        assertArrayEquals(new double[] {4, 3}, x, 1e-15);
    }

    @Test
    void luRejectsSingularMatrices() {
        double[] rankOne = {1, 2, 3, 2, 4, 6, 3, 6, 9};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DenseSolve.lu(rankOne, 3, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> DenseSolve.lu(new double[4], 2, new double[2]));
    }

    @Test
    void conditionNumberMatchesSingularValueRatio() {
        // diag(10, 0.1) rotated by 30 degrees: singular values 10 and 0.1
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[] a = {10 * c, -0.1 * s, 10 * s, 0.1 * c};
        assertEquals(100.0, DenseSolve.conditionNumber(a, 2), 1e-10);
        assertEquals(1.0, DenseSolve.conditionNumber(new double[] {3, 0, 0, 3}, 2), 1e-14);
        assertTrue(DenseSolve.conditionNumber(new double[] {1, 2, 2, 4}, 2) > 1e15);
    }

    @Test
    void badSizesAndNonFiniteEntriesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> DenseSolve.lu(new double[5], 2, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> DenseSolve.lu(new double[] {1, 0, 0, 1}, 2, new double[3]));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> DenseSolve.lu(new double[] {1, Double.NaN, 0, 1}, 2, new double[2]));
        assertTrue(e.getMessage().contains("DenseSolve.lu"), e.getMessage());
    }
}
