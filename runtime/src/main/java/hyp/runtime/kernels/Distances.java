package hyp.runtime.kernels;

/**
 * Pairwise squared Euclidean distances between the rows of X (n × d) and Y (m × d), and their
 * adjoints. Differences are formed before squaring (not ‖x‖² + ‖y‖² − 2x·y), so nearby points
 * keep full relative accuracy and no distance comes out negative.
 */
public final class Distances {
    private Distances() {
    }

    /** D[i, j] = ‖X_i − Y_j‖² into D (n × m). */
    public static void squaredPairwise(double[] x, int n, double[] y, int m, int d, double[] out) {
        check(x, n, y, m, d, out.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = squaredDistance(x, i * d, y, j * d, d);
            }
        }
    }

    /** dX_i += Σ_j 2·dD[i, j]·(X_i − Y_j): the adjoint of {@link #squaredPairwise} w.r.t. X. */
    public static void adjointX(double[] x, int n, double[] y, int m, int d, double[] dOut, double[] dx) {
        check(x, n, y, m, d, dOut.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                addScaledDifference(2.0 * dOut[i * m + j], x, i * d, y, j * d, dx, i * d, d);
            }
        }
    }

    /** dY_j += Σ_i 2·dD[i, j]·(Y_j − X_i): the adjoint of {@link #squaredPairwise} w.r.t. Y. */
    public static void adjointY(double[] x, int n, double[] y, int m, int d, double[] dOut, double[] dy) {
        check(x, n, y, m, d, dOut.length);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                addScaledDifference(2.0 * dOut[i * m + j], y, j * d, x, i * d, dy, j * d, d);
            }
        }
    }

    private static double squaredDistance(double[] x, int xOff, double[] y, int yOff, int d) {
        if (Simd.ENABLED) {
            return SimdDistances.squaredDistance(x, xOff, y, yOff, d);
        }
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            double diff = x[xOff + k] - y[yOff + k];
            s = Math.fma(diff, diff, s);
        }
        return s;
    }

    /** out[k] = fma(g, p[k] − q[k], out[k]) for k in [0, d). */
    private static void addScaledDifference(double g, double[] p, int pOff, double[] q, int qOff,
                                            double[] out, int oOff, int d) {
        if (Simd.ENABLED) {
            SimdDistances.addScaledDifference(g, p, pOff, q, qOff, out, oOff, d);
            return;
        }
        for (int k = 0; k < d; k++) {
            out[oOff + k] = Math.fma(g, p[pOff + k] - q[qOff + k], out[oOff + k]);
        }
    }

    private static void check(double[] x, int n, double[] y, int m, int d, int outLength) {
        if (n < 0 || m < 0 || d < 0 || x.length < (long) n * d || y.length < (long) m * d
                || outLength < (long) n * m) {
            throw new IllegalArgumentException("Distances: sizes n=" + n + " m=" + m + " d=" + d
                    + " do not fit X[" + x.length + "], Y[" + y.length + "], D[" + outLength + "]");
        }
    }
}
