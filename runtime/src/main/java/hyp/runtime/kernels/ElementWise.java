package hyp.runtime.kernels;

/**
 * Unary element-wise maps {@code out[i] = f(x[i])} for i in [0, n); {@code out} may be {@code x}.
 *
 * <p>Maps that are exactly rounded in IEEE arithmetic (abs, neg, square, sqrt, relu) use vector
 * lanes when {@link Simd#enabled} (bitwise the same as the scalar loops here). Transcendental maps use scalar
 * {@link Math} calls on purpose: the Vector API's transcendental lanes are neither bit-identical to
 * {@code Math} nor fast on every JDK, and accuracy and reproducibility matter more here than speed. tanh is the
 * exception: {@link HyperbolicTangent} is made of exactly rounded operations only, so its vector lanes and its
 * scalar function agree bit for bit.
 */
public final class ElementWise {
    private ElementWise() {
    }

    /** out = |x|. */
    public static void abs(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdElementWise.abs(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(x[i]);
        }
    }

    /** out = -x. */
    public static void neg(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdElementWise.neg(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = -x[i];
        }
    }

    /** out = x². */
    public static void square(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdElementWise.square(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * x[i];
        }
    }

    /** out = √x (correctly rounded in both the vector and the scalar path). */
    public static void sqrt(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdElementWise.sqrt(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(x[i]);
        }
    }

    /** out = max(x, 0) with {@link Math#max} semantics (NaN stays NaN, relu(-0) = 0). */
    public static void relu(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdElementWise.relu(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
    }

    /** out = eˣ. */
    public static void exp(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    /** out = ln x. */
    public static void log(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(x[i]);
        }
    }

    /** out = ln(1 + x), accurate for tiny x. */
    public static void log1p(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.log1p(x[i]);
        }
    }

    /** out = tanh x, by {@link HyperbolicTangent} (vector lanes, the same bits as its scalar function). */
    public static void tanh(double[] x, double[] out, int n) {
        HyperbolicTangent.tanh(x, out, n);
    }

    /** out = 1 / (1 + e⁻ˣ), evaluated without overflow for either sign. */
    public static void sigmoid(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(x[i]);
        }
    }

    /** out = ln(1 + eˣ) = max(x, 0) + ln(1 + e^-|x|), stable for large |x|. */
    public static void softplus(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = softplus(x[i]);
        }
    }

    /** Scalar logistic function, stable for either sign. */
    public static double sigmoid(double x) {
        // exp(-|x|) never overflows; both quotients are formed and one is picked, so random signs cost no
        // mispredicted branches (the bits are those of 1/(1+e^-x) for x >= 0 and e^x/(1+e^x) below).
        double e = Math.exp(-Math.abs(x));
        double d = 1.0 + e;
        double positive = 1.0 / d;
        double negative = e / d;
        return x >= 0 ? positive : negative;
    }

    /** Scalar softplus ln(1 + eˣ), stable for large |x|. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
