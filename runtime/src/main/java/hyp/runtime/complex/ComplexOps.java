package hyp.runtime.complex;

/**
 * The complex version of every scalar operation generated code performs: the JVM operators, the functions of
 * {@code java.lang.Math} and those of {@code hyp.runtime.ops.Scalars}, under the same method names.
 *
 * <p>Analytic functions are computed from their own complex formulas (exp(a+ib) = e^a(cos b + i sin b), the
 * principal branches of log, sqrt and pow, Kahan's tanh), never from derivative rules, so that the complex step
 * Im f(x + iεd)/ε is an independent check of the compiler's symbolic derivatives. Each is arranged so that a
 * tiny imaginary part keeps its full relative precision, and at im = 0 the real part equals the real function.
 *
 * <p>Non-analytic operations follow the branch that the real part selects, which is what the real code does at
 * the same point, so their derivative is that of the selected branch: abs(z) = z·sign(Re z) (0 at Re z = 0),
 * relu(z) = z if Re z &gt; 0 else 0, step/sign/masks are those of Re z, max/min pick by real parts (ties go to
 * the first argument, like the masks), and every comparison compares real parts.
 */
public final class ComplexOps {
    private ComplexOps() {}

    // ---- conversions ----

    public static Complex of(double re) {
        return Complex.of(re);
    }

    public static Complex fromInt(int n) {
        return Complex.of(n);
    }

    // ---- arithmetic ----

    public static Complex add(Complex a, Complex b) {
        return new Complex(a.re() + b.re(), a.im() + b.im());
    }

    public static Complex sub(Complex a, Complex b) {
        return new Complex(a.re() - b.re(), a.im() - b.im());
    }

    public static Complex mul(Complex a, Complex b) {
        return new Complex(a.re() * b.re() - a.im() * b.im(), a.re() * b.im() + a.im() * b.re());
    }

    /** Smith's division: scales by the larger part of b, so no square of b can overflow or underflow. */
    public static Complex div(Complex a, Complex b) {
        double c = b.re(), d = b.im();
        if (d == 0) return new Complex(a.re() / c, a.im() / c);
        if (Math.abs(c) >= Math.abs(d)) {
            double r = d / c, den = c + d * r;
            return new Complex((a.re() + a.im() * r) / den, (a.im() - a.re() * r) / den);
        }
        double r = c / d, den = c * r + d;
        return new Complex((a.re() * r + a.im()) / den, (a.im() * r - a.re()) / den);
    }

    public static Complex neg(Complex a) {
        return new Complex(-a.re(), -a.im());
    }

    // ---- comparisons: of real parts, with Java's NaN rules ----

    public static boolean lt(Complex a, Complex b) {
        return a.re() < b.re();
    }

    public static boolean le(Complex a, Complex b) {
        return a.re() <= b.re();
    }

    public static boolean gt(Complex a, Complex b) {
        return a.re() > b.re();
    }

    public static boolean ge(Complex a, Complex b) {
        return a.re() >= b.re();
    }

    public static boolean eq(Complex a, Complex b) {
        return a.re() == b.re();
    }

    public static boolean ne(Complex a, Complex b) {
        return a.re() != b.re();
    }

    // ---- analytic functions ----

    public static Complex exp(Complex z) {
        double m = Math.exp(z.re());
        if (z.im() == 0) return Complex.of(m); // no ∞·0 when e^a overflows
        return new Complex(m * Math.cos(z.im()), m * Math.sin(z.im()));
    }

    /** Principal branch: log|z| + i·atan2(im, re). */
    public static Complex log(Complex z) {
        return new Complex(Math.log(z.modulus()), Math.atan2(z.im(), z.re()));
    }

    /** log(1 + z); near 0 the real part is ½·log1p(2x + x² + y²), so no digits of a small z are lost. */
    public static Complex log1p(Complex z) {
        double x = z.re(), y = z.im();
        if (y == 0 && x >= -1) return Complex.of(Math.log1p(x));
        double re = Math.abs(x) < 0.5 && Math.abs(y) < 0.5
                ? 0.5 * Math.log1p(x * (2 + x) + y * y)
                : Math.log(Math.hypot(1 + x, y));
        return new Complex(re, Math.atan2(y, 1 + x));
    }

    /** Principal square root, from the half-angle formulas on the side where they do not cancel. */
    public static Complex sqrt(Complex z) {
        double x = z.re(), y = z.im();
        if (y == 0) return x >= 0 ? Complex.of(Math.sqrt(x)) : new Complex(0.0, Math.copySign(Math.sqrt(-x), y));
        double t = Math.sqrt(0.5 * Math.abs(x) + 0.5 * z.modulus());
        if (x >= 0) return new Complex(t, y / (2 * t));
        return new Complex(Math.abs(y) / (2 * t), Math.copySign(t, y));
    }

    /** Kahan's form (β·ρ·s + i·t)/(1 + β·s²), t = tan y, β = 1 + t², s = sinh x, ρ = √(1 + s²). */
    public static Complex tanh(Complex z) {
        double x = z.re(), y = z.im();
        if (y == 0) return Complex.of(hyp.runtime.kernels.HyperbolicTangent.tanh(x)); // the real code's tanh
        if (Math.abs(x) > 22) { // tanh x is ±1 in double precision; the imaginary part decays like 4·e^(−2|x|)
            return new Complex(Math.copySign(1.0, x), 4 * Math.sin(y) * Math.cos(y) * Math.exp(-2 * Math.abs(x)));
        }
        double t = Math.tan(y), beta = 1 + t * t, s = Math.sinh(x), rho = Math.sqrt(1 + s * s);
        double den = 1 + beta * s * s;
        return new Complex(beta * rho * s / den, t / den);
    }

    /** 1/(1 + e^−z), split on the sign of Re z like the real code so that no exponential overflows. */
    public static Complex sigmoid(Complex z) {
        if (z.re() >= 0) return div(Complex.ONE, add(Complex.ONE, exp(neg(z))));
        Complex e = exp(z);
        return div(e, add(Complex.ONE, e));
    }

    /** log(1 + e^z), as z + log1p(e^−z) when Re z &gt; 0 (the same identity the real code uses). */
    public static Complex softplus(Complex z) {
        if (z.re() > 0) return add(z, log1p(exp(neg(z))));
        return log1p(exp(z));
    }

    /**
     * z^p on the principal branch: |z|^a·e^(−bθ)·(cos φ + i sin φ) with p = a + ib, θ = arg z and
     * φ = aθ + b·log|z|; |z|^a comes from Math.pow for accuracy. Integer real exponents of a base with negative
     * real part use repeated squaring instead (the polar form would multiply the rounding of arg z ≈ π); p = 2
     * is z·z like the real code; where the real power is defined and z is real, the result is Math.pow itself.
     */
    public static Complex pow(Complex z, Complex p) {
        double a = p.re(), b = p.im();
        if (b == 0) {
            if (a == 2.0) return mul(z, z);
            boolean integer = a == Math.rint(a) && Math.abs(a) < 0x1p62;
            if (z.im() == 0 && (z.re() >= 0 || integer)) return Complex.of(Math.pow(z.re(), a));
            if (integer && z.re() < 0) return integerPower(z, (long) a); // the polar form would round arg z ≈ π
        }
        double modulus = z.modulus(), theta = Math.atan2(z.im(), z.re());
        double magnitude = Math.pow(modulus, a) * (b == 0 ? 1.0 : Math.exp(-b * theta));
        double phase = a * theta + (b == 0 ? 0.0 : b * Math.log(modulus));
        if (phase == 0) return Complex.of(magnitude);
        return new Complex(magnitude * Math.cos(phase), magnitude * Math.sin(phase));
    }

    private static Complex integerPower(Complex z, long n) {
        if (n < 0) return div(Complex.ONE, integerPower(z, -n));
        Complex result = Complex.ONE, square = z;
        while (n > 0) {
            if ((n & 1) == 1) result = mul(result, square);
            n >>= 1;
            if (n > 0) square = mul(square, square);
        }
        return result;
    }

    // ---- non-analytic: the branch the real part selects ----

    /** z·sign(Re z): the continuation of whichever of x or −x the real part selects; 0 at Re z = 0. */
    public static Complex abs(Complex z) {
        if (z.re() > 0) return z;
        if (z.re() < 0) return neg(z);
        return z.re() == 0 ? Complex.ZERO : new Complex(Double.NaN, Double.NaN);
    }

    public static Complex relu(Complex z) {
        return z.re() > 0 ? z : Complex.ZERO;
    }

    public static Complex step(Complex z) {
        return z.re() > 0 ? Complex.ONE : Complex.ZERO;
    }

    public static Complex sign(Complex z) {
        return Complex.of(Math.signum(z.re()));
    }

    public static Complex geMask(Complex a, Complex b) {
        return a.re() >= b.re() ? Complex.ONE : Complex.ZERO;
    }

    public static Complex leMask(Complex a, Complex b) {
        return a.re() <= b.re() ? Complex.ONE : Complex.ZERO;
    }

    /** The argument with the larger real part (ties go to a); NaN if either real part is NaN, as Math.max. */
    public static Complex max(Complex a, Complex b) {
        if (Double.isNaN(a.re())) return a;
        if (Double.isNaN(b.re())) return b;
        return a.re() >= b.re() ? a : b;
    }

    /** The argument with the smaller real part (ties go to a); NaN if either real part is NaN, as Math.min. */
    public static Complex min(Complex a, Complex b) {
        if (Double.isNaN(a.re())) return a;
        if (Double.isNaN(b.re())) return b;
        return a.re() <= b.re() ? a : b;
    }
}
