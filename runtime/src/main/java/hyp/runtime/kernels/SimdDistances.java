package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/** The Vector API form of {@link Distances}' inner loops. */
final class SimdDistances {
    private SimdDistances() {
    }

static double squaredDistance(double[] x, int xOff, double[] y, int yOff, int d) {
        int k = 0;
        double s = 0.0;
        if (d >= L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int bound = S.loopBound(d); k < bound; k += L) {
                DoubleVector diff = DoubleVector.fromArray(S, x, xOff + k).sub(DoubleVector.fromArray(S, y, yOff + k));
                acc = diff.fma(diff, acc);
            }
            s = Lanes.sum(acc);
        }
        for (; k < d; k++) {
            double diff = x[xOff + k] - y[yOff + k];
            s = Math.fma(diff, diff, s);
        }
        return s;
    }

    /** out[k] = fma(g, p[k] − q[k], out[k]) for k in [0, d). */
    static void addScaledDifference(double g, double[] p, int pOff, double[] q, int qOff,
                                            double[] out, int oOff, int d) {
        DoubleVector vg = DoubleVector.broadcast(S, g);
        int k = 0;
        for (int bound = S.loopBound(d); k < bound; k += L) {
            DoubleVector diff = DoubleVector.fromArray(S, p, pOff + k).sub(DoubleVector.fromArray(S, q, qOff + k));
            vg.fma(diff, DoubleVector.fromArray(S, out, oOff + k)).intoArray(out, oOff + k);
        }
        for (; k < d; k++) {
            out[oOff + k] = Math.fma(g, p[pOff + k] - q[qOff + k], out[oOff + k]);
        }
    }
}
