package hyp.runtime.reverse;

/**
 * The quasi-Newton direction r = H·g of the standard library's {@code lbfgs} (a history of three (s, y)
 * pairs, oldest first), written out as that optimizer's step computes it: the two-loop recursion with pairs of
 * s·y ≤ 1e-12 skipped, the initial scaling s3·y3 / y3·y3, and g itself when the slope g·r is not positive.
 * The inverse of an L-BFGS step needs the direction of the step it undoes, recomputed from the restored state.
 */
final class LbfgsDirection {
    /** The curvature guard of the library's lbfgs: a pair with s·y at or below it is skipped. */
    static final double CURVATURE_FLOOR = 1e-12;

    private LbfgsDirection() {}

    /**
     * Writes r into {@code out}; {@code s} and {@code y} hold the pairs oldest first (s[0] = s1, …, s[2] = s3).
     *
     * @return the slope g·r of the direction written
     */
    static double compute(double[] g, double[][] s, double[][] y, double[] out) {
        int n = g.length, m = s.length;
        double[] rho = new double[m], alpha = new double[m];
        for (int j = 0; j < m; j++) {
            double ys = dot(y[j], s[j]);
            rho[j] = ys > CURVATURE_FLOOR ? 1 / ys : 0.0;
        }
        double[] q = g.clone();
        for (int j = m - 1; j >= 0; j--) {          // newest pair first
            alpha[j] = rho[j] * dot(s[j], q);
            for (int i = 0; i < n; i++) q[i] = q[i] - alpha[j] * y[j][i];
        }
        double ysNewest = dot(y[m - 1], s[m - 1]);
        double scale = ysNewest > CURVATURE_FLOOR ? ysNewest / dot(y[m - 1], y[m - 1]) : 1.0;
        for (int i = 0; i < n; i++) out[i] = scale * q[i];
        for (int j = 0; j < m; j++) {                // oldest pair first
            double beta = rho[j] * dot(y[j], out);
            for (int i = 0; i < n; i++) out[i] = out[i] + (alpha[j] - beta) * s[j][i];
        }
        double slope = dot(g, out);
        if (slope <= 0) {
            System.arraycopy(g, 0, out, 0, n);
            slope = dot(g, g);
        }
        return slope;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
