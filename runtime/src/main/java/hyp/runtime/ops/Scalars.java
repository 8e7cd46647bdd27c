package hyp.runtime.ops;

import hyp.runtime.kernels.ElementWise;

/** Scalar functions that java.lang.Math lacks, in numerically stable forms. Generated code calls these. */
public final class Scalars {
    private Scalars() {}

    /** hyp's own tanh ({@link hyp.runtime.kernels.HyperbolicTangent}): the same bits in every back end. */
    public static double tanh(double x) {
        return hyp.runtime.kernels.HyperbolicTangent.tanh(x);
    }

    public static double sigmoid(double x) {
        return ElementWise.sigmoid(x);
    }

    /** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    public static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    /** The derivative of relu: 1 for x > 0, else 0 (the subgradient 0 at the kink). */
    public static double step(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** The derivative of abs: -1, 0 or 1. */
    public static double sign(double x) {
        return Math.signum(x);
    }

    /** 1 where a ≥ b else 0: which argument max(a, b) picked (ties go to a). */
    public static double geMask(double a, double b) {
        return a >= b ? 1.0 : 0.0;
    }

    /** 1 where a ≤ b else 0: which argument min(a, b) picked (ties go to a). */
    public static double leMask(double a, double b) {
        return a <= b ? 1.0 : 0.0;
    }

    /** x^p, with the derivative-friendly convention that x^0 = 1 even at x = 0. */
    public static double pow(double x, double p) {
        if (p == 2.0) return x * x;
        return Math.pow(x, p);
    }
}
