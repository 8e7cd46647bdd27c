package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/** The Vector API form of the exactly rounded maps of {@link ElementWise}: abs, neg, square, sqrt, relu. */
final class SimdElementWise {
    private SimdElementWise() {
    }

    /** out = |x|. */
    public static void abs(double[] x, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).abs().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.abs(x[i]);
        }
    }

    /** out = -x. */
    public static void neg(double[] x, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).neg().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = -x[i];
        }
    }

    /** out = x². */
    public static void square(double[] x, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.mul(v).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * x[i];
        }
    }

    /** out = √x (correctly rounded in both the vector and the scalar path). */
    public static void sqrt(double[] x, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).sqrt().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.sqrt(x[i]);
        }
    }

    /** out = max(x, 0) with {@link Math#max} semantics (NaN stays NaN, relu(-0) = 0). */
    public static void relu(double[] x, double[] out, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.MAX, zero).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
    }
}
