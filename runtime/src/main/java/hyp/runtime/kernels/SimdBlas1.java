package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/** The Vector API form of {@link Blas1}'s dot, axpy, scale, sum and max. */
final class SimdBlas1 {
    private SimdBlas1() {
    }

    /** Σ x[xOff+i]·y[yOff+i] for i in [0, n). Four independent accumulators hide FMA latency. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        double s = 0.0;
        if (n >= L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (; i <= n - 4 * L; i += 4 * L) {
                int xi = xOff + i;
                int yi = yOff + i;
                a0 = DoubleVector.fromArray(S, x, xi).fma(DoubleVector.fromArray(S, y, yi), a0);
                a1 = DoubleVector.fromArray(S, x, xi + L).fma(DoubleVector.fromArray(S, y, yi + L), a1);
                a2 = DoubleVector.fromArray(S, x, xi + 2 * L).fma(DoubleVector.fromArray(S, y, yi + 2 * L), a2);
                a3 = DoubleVector.fromArray(S, x, xi + 3 * L).fma(DoubleVector.fromArray(S, y, yi + 3 * L), a3);
            }
            for (; i <= n - L; i += L) {
                a0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), a0);
            }
            s = Lanes.sum(a0.add(a1).add(a2.add(a3)));
        }
        for (; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    /** y[yOff+i] += a·x[xOff+i] for i in [0, n). */
    public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        DoubleVector va = DoubleVector.broadcast(S, a);
        int i = 0;
        for (; i <= n - 4 * L; i += 4 * L) {
            va.fma(DoubleVector.fromArray(S, x, xOff + i), DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
            va.fma(DoubleVector.fromArray(S, x, xOff + i + L), DoubleVector.fromArray(S, y, yOff + i + L))
                    .intoArray(y, yOff + i + L);
            va.fma(DoubleVector.fromArray(S, x, xOff + i + 2 * L), DoubleVector.fromArray(S, y, yOff + i + 2 * L))
                    .intoArray(y, yOff + i + 2 * L);
            va.fma(DoubleVector.fromArray(S, x, xOff + i + 3 * L), DoubleVector.fromArray(S, y, yOff + i + 3 * L))
                    .intoArray(y, yOff + i + 3 * L);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.fma(DoubleVector.fromArray(S, x, xOff + i), DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    /** x[off+i] *= a for i in [0, n). */
    public static void scale(double a, double[] x, int off, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, off + i).mul(a).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] *= a;
        }
    }

    /** Σ x[off+i] for i in [0, n); 0 for n = 0. */
    public static double sum(double[] x, int off, int n) {
        int i = 0;
        double s = 0.0;
        if (n >= L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            for (; i <= n - 4 * L; i += 4 * L) {
                a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
                a1 = a1.add(DoubleVector.fromArray(S, x, off + i + L));
                a2 = a2.add(DoubleVector.fromArray(S, x, off + i + 2 * L));
                a3 = a3.add(DoubleVector.fromArray(S, x, off + i + 3 * L));
            }
            for (; i <= n - L; i += L) {
                a0 = a0.add(DoubleVector.fromArray(S, x, off + i));
            }
            s = Lanes.sum(a0.add(a1).add(a2.add(a3)));
        }
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    /** The largest of x[off..off+n); NaN if any is NaN; -∞ for n = 0. */
    public static double max(double[] x, int off, int n) {
        int i = 0;
        double m = Double.NEGATIVE_INFINITY;
        if (n >= L) {
            DoubleVector acc = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            for (int bound = S.loopBound(n); i < bound; i += L) {
                acc = acc.lanewise(VectorOperators.MAX, DoubleVector.fromArray(S, x, off + i));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }
}
