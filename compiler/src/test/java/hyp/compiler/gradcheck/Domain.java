package hyp.compiler.gradcheck;

import java.util.Random;

/**
 * Where a primitive's argument entries are drawn from: a list of edge values (zeros, large and tiny magnitudes,
 * negative values where the function is defined, saturation points) and a random distribution between them.
 */
record Domain(double[] edges, Sampler random) {
    interface Sampler {
        double draw(Random r);
    }

    /** Any real: sign · 10^U(-3, 3), with zeros, ±1, ±1e8 and ±1e-8 as edges. */
    static final Domain ANY = new Domain(new double[] {0, 1, -1, 1e8, -1e8, 1e-8, -1e-8, 2.5, -2.5},
            r -> signed(r, Math.pow(10, -3 + 6 * r.nextDouble())));
    /** Any real but zero (denominators, norms). */
    static final Domain NONZERO = new Domain(new double[] {1, -1, 1e8, -1e8, 1e-4, -1e-4, 2.5},
            r -> signed(r, Math.pow(10, -3 + 6 * r.nextDouble())));
    /** Positive reals from 1e-100 to 1e100 (logarithms, square roots, bases of real powers). */
    static final Domain POSITIVE = new Domain(new double[] {1, 1e-100, 1e100, 1e-8, 1e8, 0.5},
            r -> Math.pow(10, -6 + 12 * r.nextDouble()));
    /** Bases of x^p with a varying p: 1e-3 to 1e3, so that x^p stays finite for the exponents of POWER. */
    static final Domain BASE = new Domain(new double[] {1, 1e-3, 1e3, 0.5, 2},
            r -> Math.pow(10, -3 + 6 * r.nextDouble()));
    /** Moderate reals for products whose sums should not cancel catastrophically: |x| up to 1e4. */
    static final Domain MODERATE = new Domain(new double[] {0, 1, -1, 1e4, -1e4, 1e-3},
            r -> signed(r, Math.pow(10, -2 + 4 * r.nextDouble())));
    /*
     * Tails stop at ±300: there the derivatives of exp, sigmoid and softplus are about 1e-130, and the complex
     * step's ε·f'(x) (ε = 1e-20) is still a normal double; at ±700 it would underflow and the reference be lost.
     */

    /** Exponents of exp: ±300 (far into the tails) as edges, U(-50, 50) between. */
    static final Domain EXPONENT = new Domain(new double[] {0, 1, -1, 300, -300, 1e-8},
            r -> -50 + 100 * r.nextDouble());
    /** Inputs of saturating functions (tanh, sigmoid, softplus): deep in both tails as edges, N(0, 5²) between. */
    static final Domain SATURATING = new Domain(new double[] {0, 1e-8, -1e-8, 5, -5, 30, -30, 40, -40, 300, -300},
            r -> 5 * r.nextGaussian());
    /**
     * Inputs of logsumexp: spread by up to 20 around 0, or by up to 4 around 300 or -700. It is shift-equivariant,
     * so its rounding is absolute, ε·max|x|, and its Hessian diag(s) − ssᵀ is as small as the smaller softmax
     * entries s; large entries with a wide spread would leave a second derivative of rounding alone.
     */
    static final Domain SPREAD = new Domain(new double[] {0, 10, -10, 1e-8}, r -> -10 + 20 * r.nextDouble());
    static final Domain NEAR_300 = new Domain(new double[] {300, 298, 302}, r -> 298 + 4 * r.nextDouble());
    static final Domain NEAR_MINUS_700 = new Domain(new double[] {-700, -698, -702}, r -> -702 + 4 * r.nextDouble());
    /**
     * Magnitudes of at least 1, for the norm of a 1-element vector: that is |x|, whose second derivative vanishes
     * identically, so the check sees only rounding, of size ε/|x|, against a floor that does not grow as |x| shrinks.
     */
    static final Domain AT_LEAST_ONE = new Domain(new double[] {1, -1, 1e8, -1e8, 2.5},
            r -> (r.nextBoolean() ? 1 : -1) * Math.pow(10, 6 * r.nextDouble()));
    /** Arguments of log1p: above -1, from just above -1 to 1e100. */
    static final Domain ABOVE_MINUS_ONE = new Domain(new double[] {0, -0.999, 1e-12, -1e-12, -0.5, 1e100},
            r -> -1 + Math.pow(10, -3 + 6 * r.nextDouble()));
    /** Exponents of x^p with a varying p: N(0, 2²), with 0, 1, 2, -1, 0.5 and 3 as edges. */
    static final Domain POWER = new Domain(new double[] {0, 1, 2, -1, 0.5, 3, -2.5},
            r -> 2 * r.nextGaussian());

    /** An edge value with probability {@code edgy}, else a random one. */
    double draw(Random r, double edgy) {
        return r.nextDouble() < edgy ? edges[r.nextInt(edges.length)] : random.draw(r);
    }

    private static double signed(Random r, double magnitude) {
        return r.nextBoolean() ? magnitude : -magnitude;
    }
}
