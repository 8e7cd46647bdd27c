package hyp.runtime.kernels;

/**
 * Matrix-vector products with a row-major A (m × n): y = A·x and y = Aᵀ·x, overwriting or adding
 * to y. These are memory-bound, so they stay on one thread. On the Vector API ({@code SimdMatVec}) both
 * orientations take four rows of A at a time: short rows (a logistic regression with 20 features) would
 * otherwise spend more on per-row loop set-up and horizontal sums than on arithmetic.
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
            rowDots(m, n, a, aOff, x, xOff, y, yOff, accumulate);
        } else {
            if (!accumulate) {
                Blas1.fill(y, yOff, n, 0.0);
            }
            rowUpdates(m, n, a, aOff, x, xOff, y, yOff);
        }
    }

    /** y[i] (=|+=) A[i,:]·x. Each row sums its own lanes, then its scalar tail, so rows are independent of blocking. */
    private static void rowDots(int m, int n, double[] a, int aOff, double[] x, int xOff,
                                double[] y, int yOff, boolean accumulate) {
        if (Simd.ENABLED) {
            SimdMatVec.rowDots(m, n, a, aOff, x, xOff, y, yOff, accumulate);
            return;
        }
        for (int i = 0; i < m; i++) {
            int r = aOff + i * n;
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s = Math.fma(a[r + j], x[xOff + j], s);
            }
            store(y, yOff + i, s, accumulate);
        }
    }

    static void store(double[] y, int k, double s, boolean accumulate) {
        y[k] = accumulate ? y[k] + s : s;
    }

    /**
     * y += Aᵀx as y[j] = fma(x[i], A[i,j], y[j]) for i in order: four rows per pass over y, the same
     * operations in the same order as one row at a time, so the result does not depend on the blocking.
     */
    private static void rowUpdates(int m, int n, double[] a, int aOff, double[] x, int xOff, double[] y, int yOff) {
        if (Simd.ENABLED) {
            SimdMatVec.rowUpdates(m, n, a, aOff, x, xOff, y, yOff);
            return;
        }
        for (int i = 0; i < m; i++) {
            Blas1.axpy(x[xOff + i], a, aOff + i * n, y, yOff, n);
        }
    }
}
