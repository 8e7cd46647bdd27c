package hyp.runtime.kernels;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatVecTest {
    private final Random rnd = new Random(23);

    @Test
    void bothProductsMatchNaiveLoopsOnEdgeShapes() {
        int[] dims = {0, 1, 3, 7, 8, 9, 17, 1001};
        for (int m : dims) {
            for (int n : dims) {
                if ((long) m * n > 200_000) {
                    continue;
                }
                double[] a = Reference.random(rnd, m * n);
                double[] x = Reference.random(rnd, n);
                double[] xt = Reference.random(rnd, m);
                double[] y = new double[m];
                double[] yt = new double[n];
                MatVec.multiply(a, m, n, x, y);
                MatVec.multiplyTransposed(a, m, n, xt, yt);
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    double g = 0;
                    for (int j = 0; j < n; j++) {
                        s += a[i * n + j] * x[j];
                        g += Math.abs(a[i * n + j] * x[j]);
                    }
                    Reference.assertClose(s, y[i], 1e-13, g, "Ax " + m + "x" + n);
                }
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double g = 0;
                    for (int i = 0; i < m; i++) {
                        s += a[i * n + j] * xt[i];
                        g += Math.abs(a[i * n + j] * xt[i]);
                    }
                    Reference.assertClose(s, yt[j], 1e-13, g, "A^T x " + m + "x" + n);
                }
            }
        }
    }

    @Test
    void accumulateAddsToExistingValuesOnSlices() {
        double[] a = {1, 2, 3, 4, 5, 6}; // 2x3
        double[] x = {0, 1, 1, 1};
        double[] y = {10, 100, 1000};
        MatVec.gemv(false, 2, 3, a, 0, x, 1, y, 1, true);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {10, 106, 1015}, y);
        MatVec.gemv(true, 2, 3, a, 0, x, 2, y, 0, true);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {15, 113, 1024}, y);
    }

    @Test
    void blockedRowsOnSlicesEqualOneRowAtATime() {
        // 13 columns: vectors and a tail; 77: also the four-vector column groups of the transposed product
        for (int n : new int[] {13, 77}) blockedRowsOnSlices(n);
    }

    private void blockedRowsOnSlices(int n) {
        int m = 11, aOff = 5, xOff = 3, yOff = 2;
        double[] a = Reference.random(rnd, aOff + m * n);
        double[] x = Reference.random(rnd, xOff + Math.max(m, n));
        double[] y = Reference.random(rnd, yOff + Math.max(m, n));
        double[] yRows = y.clone();
        double[] yT = y.clone();
        double[] yTRows = y.clone();
        MatVec.gemv(false, m, n, a, aOff, x, xOff, y, yOff, true);
        MatVec.gemv(true, m, n, a, aOff, x, xOff, yT, yOff, true);
        for (int i = 0; i < m; i++) {
            // one row: its own call on a 1 x n slice
            MatVec.gemv(false, 1, n, a, aOff + i * n, x, xOff, yRows, yOff + i, true);
            Blas1.axpy(x[xOff + i], a, aOff + i * n, yTRows, yOff, n);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(yRows, y, "A x, blocked vs single rows");
        org.junit.jupiter.api.Assertions.assertArrayEquals(yTRows, yT, "A^T x, blocked vs axpy per row");
    }
}
