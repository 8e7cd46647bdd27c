package hyp.runtime.hyper;

import java.util.Arrays;

/**
 * Conjugate gradients for A x = b with A symmetric positive definite, given only as a {@link LinearOperator}.
 * Holds its work vectors, so repeated solves of one size do not allocate. It never returns garbage
 * silently: every stop is described by a {@link CgResult}, including negative curvature (pᵀAp ≤ 0),
 * which would make the step length meaningless.
 */
public final class ConjugateGradient {
    private final int size;
    private final double[] r;
    private final double[] p;
    private final double[] ap;

    public ConjugateGradient(int size) {
        this.size = size;
        this.r = new double[size];
        this.p = new double[size];
        this.ap = new double[size];
    }

    /** Dimension of the systems this instance solves. */
    public int size() {
        return size;
    }

    /**
     * Solves A x = b starting from the value in {@code x}, which is overwritten by the last iterate.
     *
     * @param tolerance     stop when ‖b − A x‖ ≤ tolerance·‖b‖
     * @param maxIterations iteration cap (≥ 0)
     */
    public CgResult solve(LinearOperator a, double[] b, double[] x, double tolerance, int maxIterations) {
        Vectors.requireLength(b, size, "right-hand side");
        Vectors.requireLength(x, size, "solution");
        double bNorm = Vectors.norm(b);
        if (!Double.isFinite(bNorm)) return new CgResult(CgResult.Status.NON_FINITE, 0, Double.NaN, 0, Double.NaN);
        if (bNorm == 0) {
            Arrays.fill(x, 0);
            return new CgResult(CgResult.Status.CONVERGED, 0, 0, 0, Double.NaN);
        }
        int applications = 0;
        if (isZero(x)) {
            System.arraycopy(b, 0, r, 0, size);   // r = b − A·0 without spending a product
        } else {
            a.apply(x, ap);
            applications++;
            for (int i = 0; i < size; i++) r[i] = b[i] - ap[i];
        }
        System.arraycopy(r, 0, p, 0, size);
        double rr = Vectors.dot(r, r);
        double curvature = Double.NaN;
        int k = 0;
        while (true) {
            double relative = Math.sqrt(rr) / bNorm;
            if (!Double.isFinite(relative)) return new CgResult(CgResult.Status.NON_FINITE, k, relative, applications, curvature);
            if (relative <= tolerance) return new CgResult(CgResult.Status.CONVERGED, k, relative, applications, curvature);
            if (k >= maxIterations) return new CgResult(CgResult.Status.ITERATION_LIMIT, k, relative, applications, curvature);
            a.apply(p, ap);
            applications++;
            curvature = Vectors.dot(p, ap);
            if (Double.isNaN(curvature) || Double.isInfinite(curvature)) {
                return new CgResult(CgResult.Status.NON_FINITE, k, relative, applications, curvature);
            }
            if (curvature <= 0) return new CgResult(CgResult.Status.NEGATIVE_CURVATURE, k, relative, applications, curvature);
            double alpha = rr / curvature;
            for (int i = 0; i < size; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNext = Vectors.dot(r, r);
            double beta = rrNext / rr;
            for (int i = 0; i < size; i++) p[i] = r[i] + beta * p[i];
            rr = rrNext;
            k++;
        }
    }

    private static boolean isZero(double[] x) {
        for (double v : x) if (v != 0) return false;
        return true;
    }
}
