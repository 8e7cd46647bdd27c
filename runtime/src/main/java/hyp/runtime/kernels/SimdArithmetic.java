package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/**
 * The Vector API form of {@link Arithmetic}: binary element-wise arithmetic {@code out[i] = x[i] ∘ y[i]} and its scalar-broadcast forms, for
 * i in [0, n). {@code out} may alias either input. max/min follow {@link Math#max}/{@link Math#min}
 * (NaN propagates, -0 &lt; +0). All of these are exactly rounded, so vector and scalar paths agree
 * bitwise. Each loop is spelled out: the Vector API only compiles to SIMD instructions when the lane
 * operation is a compile-time constant at the call.
 */
final class SimdArithmetic {
    private SimdArithmetic() {
    }

    /** out = x + y. */
    public static void add(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).add(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] + y[i];
        }
    }

    /** out = x - y. */
    public static void sub(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).sub(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] - y[i];
        }
    }

    /** out = x · y. */
    public static void mul(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * y[i];
        }
    }

    /** out = x / y. */
    public static void div(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).div(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] / y[i];
        }
    }

    /** out = max(x, y). */
    public static void max(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).max(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.max(x[i], y[i]);
        }
    }

    /** out = min(x, y). */
    public static void min(double[] x, double[] y, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).min(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.min(x[i], y[i]);
        }
    }

    /** out = x + s. */
    public static void add(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).add(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] + s;
        }
    }

    /** out = x - s. */
    public static void sub(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).sub(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] - s;
        }
    }

    /** out = s - x. */
    public static void sub(double s, double[] x, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            vs.sub(DoubleVector.fromArray(S, x, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = s - x[i];
        }
    }

    /** out = x · s. */
    public static void mul(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).mul(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * s;
        }
    }

    /** out = x / s. */
    public static void div(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).div(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] / s;
        }
    }

    /** out = s / x. */
    public static void div(double s, double[] x, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            vs.div(DoubleVector.fromArray(S, x, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = s / x[i];
        }
    }

    /** out = max(x, s). */
    public static void max(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).max(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.max(x[i], s);
        }
    }

    /** out = min(x, s). */
    public static void min(double[] x, double s, double[] out, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, x, i).min(vs).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.min(x[i], s);
        }
    }
}
