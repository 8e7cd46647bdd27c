package hyp.runtime.kernels;

/**
 * hyp's own tanh, within 2 ulp of the exact value (measured against {@link StrictMath#tanh}), made of additions, multiplications, fused multiply-adds, one division and bit operations only. Every step is
 * an exactly rounded IEEE operation, so the scalar function and the vector kernel give the same bits on every
 * JVM, in compiled and interpreted code alike, which is what lets the back ends agree bit for bit.
 * {@link Math#tanh} is a native call on JDK 17 (tens of nanoseconds); this is a few nanoseconds per element
 * scalar and a fraction of that in vector lanes.
 *
 * <p>For |x| &lt; 0.55, tanh x = x + x³·g(x²) with g a degree-10 Chebyshev fit of (tanh x − x)/x³ in x² (error
 * below 10⁻¹⁷). Above, tanh |x| = t / (t + 2) with t = eʸ − 1, y = 2|x|, and the sign of x put back. eʸ − 1 is
 * computed as 2ᵏ·(eʳ − 1) + (2ᵏ − 1) with y = k·ln 2 + r, |r| ≤ ln 2 / 2 (Cody–Waite reduction,
 * ln 2 split in two so k·ln2hi is exact), eʳ − 1 from its Taylor series to r¹³ (truncation below 10⁻¹⁷
 * relative), and the last step one fused multiply-add. |x| is clamped to 22 first, where tanh x rounds to ±1, so
 * nothing overflows; NaN stays NaN.
 */
public final class HyperbolicTangent {
    /** tanh x rounds to ±1 beyond this; clamping here keeps eʸ finite. */
    static final double CLAMP = 22.0;
    static final double INV_LN2 = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with its low 32 bits zero so that k·LN2_HI is exact for the k used here. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2⁵²: adding it rounds to an integer, which then sits in the low bits of the sum. */
    static final double ROUND = 0x1.8p52;
    static final long EXPONENT_ONE = 1023L << 52;
    /** Below this |x| the odd polynomial is used; above it t = e²ˣ − 1 ≥ 2 and t / (t + 2) loses nothing. */
    static final double SMALL = 0.55;
    /** g(s) ≈ (tanh √s − √s) / √s³ on [0, 0.55²], highest power first. */
    static final double G10 = -2.060276537636634e-05, G9 = 8.511313685577672e-05,
            G8 = -0.0002346347410887237, G7 = 0.0005889360520074057, G6 = -0.001455661830100716,
            G5 = 0.003592110378689024, G4 = -0.008863234397814355, G3 = 0.021869488493666944,
            G2 = -0.053968253967434016, G1 = 0.13333333333332714, G0 = -0.3333333333333333;
    /** 1/n! for n = 2 .. 13. */
    static final double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720,
            C7 = 1.0 / 5040, C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800,
            C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800.0;

    private HyperbolicTangent() {
    }

    /** tanh x. */
    public static double tanh(double x) {
        double a = Math.abs(x);
        double v = a < SMALL ? small(a) : large(a);
        // the sign put back by comparisons, as the vector lanes do it (a reinterpret of 512-bit lanes as longs
        // is not compiled to vector code on JDK 17)
        if (x < 0) v = -v;
        return x == 0 ? x : v;
    }

    /** tanh a for 0 ≤ a &lt; {@link #SMALL}. */
    private static double small(double a) {
        double s = a * a;
        double g = Math.fma(s, G10, G9);
        g = Math.fma(s, g, G8);
        g = Math.fma(s, g, G7);
        g = Math.fma(s, g, G6);
        g = Math.fma(s, g, G5);
        g = Math.fma(s, g, G4);
        g = Math.fma(s, g, G3);
        g = Math.fma(s, g, G2);
        g = Math.fma(s, g, G1);
        g = Math.fma(s, g, G0);
        return Math.fma(a * s, g, a);
    }

    /** tanh a for a ≥ {@link #SMALL} (or NaN). */
    private static double large(double a) {
        double y = 2.0 * Math.min(a, CLAMP);
        double z = y * INV_LN2 + ROUND;
        double k = z - ROUND;
        double r = (y - k * LN2_HI) - k * LN2_LO;
        double q = Math.fma(r, C13, C12);
        q = Math.fma(r, q, C11);
        q = Math.fma(r, q, C10);
        q = Math.fma(r, q, C9);
        q = Math.fma(r, q, C8);
        q = Math.fma(r, q, C7);
        q = Math.fma(r, q, C6);
        q = Math.fma(r, q, C5);
        q = Math.fma(r, q, C4);
        q = Math.fma(r, q, C3);
        q = Math.fma(r, q, C2);
        double p = Math.fma(r * r, q, r);
        double twoK = Double.longBitsToDouble((Double.doubleToRawLongBits(z) << 52) + EXPONENT_ONE); // 2^k, exactly
        double t = Math.fma(twoK, p, twoK - 1.0);
        return t / (t + 2.0);
    }

    /** out[i] = tanh x[i] for i in [0, n); {@code out} may be {@code x}. */
    public static void tanh(double[] x, double[] out, int n) {
        if (Simd.ENABLED) {
            SimdHyperbolicTangent.tanh(x, out, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = tanh(x[i]);
        }
    }
}
