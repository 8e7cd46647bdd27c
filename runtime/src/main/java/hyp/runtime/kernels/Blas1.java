package hyp.runtime.kernels;

import java.util.Arrays;

/**
 * Level-1 kernels on contiguous slices of {@code double[]}. Every method works for any length
 * including 0; the part that does not fill a whole vector is done by a scalar loop that uses
 * the same operations (fused multiply-add where the vector loop uses it). The vector loops are in
 * {@code SimdBlas1}, used when {@link Simd#enabled}; otherwise the scalar loops here do the whole slice
 * (sums then add in another order, so they may differ in the last bits).
 */
public final class Blas1 {
    private Blas1() {
    }

    /** Σ x[i]·y[i] over the first {@code n} elements. */
    public static double dot(double[] x, double[] y, int n) {
        return dot(x, 0, y, 0, n);
    }

    /** Σ x[xOff+i]·y[yOff+i] for i in [0, n). Four independent accumulators hide FMA latency. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        if (Simd.ENABLED) {
            return SimdBlas1.dot(x, xOff, y, yOff, n);
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    /** y[i] += a·x[i] for i in [0, n), each with one rounding (fused multiply-add). */
    public static void axpy(double a, double[] x, double[] y, int n) {
        axpy(a, x, 0, y, 0, n);
    }

    /** y[yOff+i] += a·x[xOff+i] for i in [0, n). */
    public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        if (Simd.ENABLED) {
            SimdBlas1.axpy(a, x, xOff, y, yOff, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    /** x[i] *= a for i in [0, n). */
    public static void scale(double a, double[] x, int n) {
        scale(a, x, 0, n);
    }

    /** x[off+i] *= a for i in [0, n). */
    public static void scale(double a, double[] x, int off, int n) {
        if (Simd.ENABLED) {
            SimdBlas1.scale(a, x, off, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            x[off + i] *= a;
        }
    }

    /** Copies {@code n} elements; the slices may overlap. */
    public static void copy(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        System.arraycopy(src, srcOff, dst, dstOff, n);
    }

    /** Sets {@code n} elements from {@code off} to {@code v}. */
    public static void fill(double[] x, int off, int n, double v) {
        Arrays.fill(x, off, off + n, v);
    }

    /** Σ x[i] over the first {@code n} elements. */
    public static double sum(double[] x, int n) {
        return sum(x, 0, n);
    }

    /** Σ x[off+i] for i in [0, n); 0 for n = 0. */
    public static double sum(double[] x, int off, int n) {
        if (Simd.ENABLED) {
            return SimdBlas1.sum(x, off, n);
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    /** The largest of the first {@code n} elements; NaN if any is NaN; -∞ for n = 0. */
    public static double max(double[] x, int n) {
        return max(x, 0, n);
    }

    /** The largest of x[off..off+n); NaN if any is NaN; -∞ for n = 0. */
    public static double max(double[] x, int off, int n) {
        if (Simd.ENABLED) {
            return SimdBlas1.max(x, off, n);
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    /**
     * Euclidean norm of the first {@code n} elements. The plain sum of squares is used when it is
     * safely inside the normal range; otherwise the vector is rescaled by its largest magnitude so
     * that huge or tiny entries neither overflow nor lose precision.
     */
    public static double norm2(double[] x, int n) {
        return norm2(x, 0, n);
    }

    /** Euclidean norm of x[off..off+n). */
    public static double norm2(double[] x, int off, int n) {
        double ss = dot(x, off, x, off, n);
        if (ss > 0x1p-900 && ss < 0x1p900) {
            return Math.sqrt(ss);
        }
        double big = 0.0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[off + i]);
            if (!(a <= big)) {
                big = a; // also catches NaN, which then propagates
            }
        }
        if (big == 0.0 || Double.isNaN(big) || Double.isInfinite(big)) {
            return big;
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double t = x[off + i] / big; // divide, not multiply by 1/big: that overflows for subnormal big
            s = Math.fma(t, t, s);
        }
        return big * Math.sqrt(s);
    }

    /** log Σ exp(x[i]) over the first {@code n} elements, shifted by the max so it cannot overflow. */
    public static double logSumExp(double[] x, int n) {
        return logSumExp(x, 0, n);
    }

    /** log Σ exp(x[off+i]) for i in [0, n); -∞ for n = 0. */
    public static double logSumExp(double[] x, int off, int n) {
        double m = max(x, off, n);
        if (Double.isInfinite(m) || Double.isNaN(m)) {
            return m; // empty, all -∞, any +∞, or NaN
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(x[off + i] - m);
        }
        return m + Math.log(s);
    }
}
