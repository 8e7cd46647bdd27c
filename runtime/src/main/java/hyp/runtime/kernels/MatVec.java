package hyp.runtime.kernels;

/**
 * Matrix-vector products with a row-major A (m × n): y = A·x and y = Aᵀ·x, overwriting or adding
 * to y. These are memory-bound, so they stay on one thread.
 */
public final class MatVec {
    private MatVec() {
    }

    /** y = A·x: x has n elements, y has m. */
    public static void multiply(double[] a, int m, int n, double[] x, double[] y) {
        gemv(false, m, n, a, 0, x, 0, y, 0, false);
    }

    /** y = Aᵀ·x: x has m elements, y has n. */
    public static void multiplyTransposed(double[] a, int m, int n, double[] x, double[] y) {
        gemv(true, m, n, a, 0, x, 0, y, 0, false);
    }

    /**
     * y (=|+=) op(A)·x on slices, where A is stored m × n and op(A) is A or Aᵀ.
     *
     * @param accumulate add to y instead of overwriting it
     */
    public static void gemv(boolean trans, int m, int n, double[] a, int aOff, double[] x, int xOff,
                            double[] y, int yOff, boolean accumulate) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("MatVec: negative size m=" + m + " n=" + n);
        }
        if (aOff < 0 || aOff + (long) m * n > a.length) {
            throw new IllegalArgumentException("MatVec: A needs " + (long) m * n + " elements from offset "
                    + aOff + " but has length " + a.length);
        }
        if (!trans) {
            for (int i = 0; i < m; i++) {
                double d = Blas1.dot(a, aOff + i * n, x, xOff, n);
                y[yOff + i] = accumulate ? y[yOff + i] + d : d;
            }
        } else {
            if (!accumulate) {
                Blas1.fill(y, yOff, n, 0.0);
            }
            // Row by row: each y[j] is one fused multiply-add chain over i, read with unit stride.
            for (int i = 0; i < m; i++) {
                Blas1.axpy(x[xOff + i], a, aOff + i * n, y, yOff, n);
            }
        }
    }
}
