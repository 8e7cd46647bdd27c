package hyp.runtime.kernels;

/** Rank-1 update of a row-major matrix: A += α·x·yᵀ. */
public final class Outer {
    private Outer() {
    }

    /**
     * A[i, j] = fma(α·x[i], y[j], A[i, j]) for A stored m × n, x of length m and y of length n.
     */
    public static void rank1Update(double alpha, double[] x, double[] y, double[] a, int m, int n) {
        if (m < 0 || n < 0 || (long) m * n > a.length || x.length < m || y.length < n) {
            throw new IllegalArgumentException("Outer.rank1Update: sizes m=" + m + " n=" + n
                    + " do not fit A[" + a.length + "], x[" + x.length + "], y[" + y.length + "]");
        }
        for (int i = 0; i < m; i++) {
            Blas1.axpy(alpha * x[i], y, 0, a, i * n, n);
        }
    }
}
