package hyp.runtime.exact;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction {@code numerator / denominator} in lowest terms with a positive denominator. Decay
 * rates such as γ = 0.9 are taken as the decimal they are written as (9/10), not as the binary double
 * nearest to it, so that multiplying by γ can be undone exactly.
 */
public record Rational(long numerator, long denominator) {
    /** Decimal exponents beyond this are rejected before building huge powers of ten. */
    private static final int MAX_DECIMAL_SCALE = 40;

    /** Reduces to lowest terms and moves the sign to the numerator. */
    public Rational {
        if (denominator == 0) {
            throw new IllegalArgumentException("Rational: zero denominator");
        }
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            throw new IllegalArgumentException("Rational: " + numerator + "/" + denominator + " is out of range");
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long g = gcd(Math.abs(numerator), denominator);
        numerator /= g;
        denominator /= g;
    }

    /** The fraction {@code numerator / denominator}, reduced. */
    public static Rational of(long numerator, long denominator) {
        return new Rational(numerator, denominator);
    }

    /**
     * The exact value of a decimal literal such as {@code "0.999"}, {@code "1e-3"} or {@code "2.5E+1"}.
     *
     * @throws IllegalArgumentException if it is not a decimal number or its reduced form needs more than 63 bits
     */
    public static Rational of(String decimal) {
        BigDecimal value;
        try {
            value = new BigDecimal(decimal.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Rational: '" + decimal + "' is not a decimal number", e);
        }
        int scale = value.scale();
        if (Math.abs(scale) > MAX_DECIMAL_SCALE) {
            throw new IllegalArgumentException("Rational: '" + decimal + "' has too large a decimal exponent");
        }
        BigInteger num = value.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (scale >= 0) {
            den = BigInteger.TEN.pow(scale);
        } else {
            num = num.multiply(BigInteger.TEN.pow(-scale));
        }
        BigInteger g = num.gcd(den);
        num = num.divide(g);
        den = den.divide(g);
        if (num.bitLength() > 62 || den.bitLength() > 62) {
            throw new IllegalArgumentException("Rational: '" + decimal + "' = " + num + "/" + den
                    + " does not fit in 63-bit numerator and denominator");
        }
        return new Rational(num.longValueExact(), den.longValueExact());
    }

    /**
     * The decimal that {@link Double#toString(double)} writes for {@code v}, taken exactly: 0.9 gives 9/10.
     * Meant for constants typed as decimals; a computed double such as 0.1 + 0.2 gives its long decimal.
     */
    public static Rational of(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("Rational: " + v + " is not finite");
        }
        return of(Double.toString(v));
    }

    /** The nearest double. */
    public double toDouble() {
        return (double) numerator / (double) denominator;
    }

    /** Whether the value is strictly positive. */
    public boolean isPositive() {
        return numerator > 0;
    }

    /** Whether the value is strictly between 0 and 1 (a contraction, as a decay rate should be). */
    public boolean isBetweenZeroAndOne() {
        return numerator > 0 && numerator < denominator;
    }

    /** {@code 1/this}. */
    public Rational reciprocal() {
        return new Rational(denominator, numerator);
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
