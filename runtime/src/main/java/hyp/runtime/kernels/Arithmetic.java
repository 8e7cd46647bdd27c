package hyp.runtime.kernels;

/**
 * Binary element-wise arithmetic {@code out[i] = x[i] ∘ y[i]} and its scalar-broadcast forms, for
 * i in [0, n). {@code out} may alias either input. max/min follow {@link Math#max}/{@link Math#min}
 * (NaN propagates, -0 &lt; +0). All of these are exactly rounded, so the vector path
 * ({@code SimdArithmetic}, when {@link Simd#enabled}) and the scalar loops here agree bitwise.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** out = x + y. */
    public static void add(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.add(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] + y[i];
        }
    }

    /** out = x - y. */
    public static void sub(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.sub(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] - y[i];
        }
    }

    /** out = x · y. */
    public static void mul(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.mul(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * y[i];
        }
    }

    /** out = x / y. */
    public static void div(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.div(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] / y[i];
        }
    }

    /** out = max(x, y). */
    public static void max(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.max(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(x[i], y[i]);
        }
    }

    /** out = min(x, y). */
    public static void min(double[] x, double[] y, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.min(x, y, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(x[i], y[i]);
        }
    }

    /** out = x + s. */
    public static void add(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.add(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] + s;
        }
    }

    /** out = x - s. */
    public static void sub(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.sub(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] - s;
        }
    }

    /** out = s - x. */
    public static void sub(double s, double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.sub(s, x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = s - x[i];
        }
    }

    /** out = x · s. */
    public static void mul(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.mul(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * s;
        }
    }

    /** out = x / s. */
    public static void div(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.div(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] / s;
        }
    }

    /** out = s / x. */
    public static void div(double s, double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.div(s, x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = s / x[i];
        }
    }

    /** out = max(x, s). */
    public static void max(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.max(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(x[i], s);
        }
    }

    /** out = min(x, s). */
    public static void min(double[] x, double s, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdArithmetic.min(x, s, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(x[i], s);
        }
    }
}
