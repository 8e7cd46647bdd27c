package hyp.runtime.hyper;

/** Small dense-vector helpers for this package (the sizes here are a state or a λ, not a hot kernel). */
final class Vectors {
    private Vectors() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Throws if {@code v} holds a NaN or an infinity, naming where. */
    static void requireFinite(double[] v, String what, String where) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new HypergradientException(where + ": " + what + "[" + i + "] = " + v[i]);
            }
        }
    }

    static void requireFinite(double v, String what, String where) {
        if (!Double.isFinite(v)) throw new HypergradientException(where + ": " + what + " = " + v);
    }

    static void requireLength(double[] v, int n, String what) {
        if (v.length != n) {
            throw new IllegalArgumentException(what + " has length " + v.length + ", expected " + n);
        }
    }
}
