package hyp.runtime.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses one decimal number from ASCII bytes without allocating in the common case.
 *
 * <p>Accepted: {@code [+-] digits [. digits] [(e|E) [+-] digits]} with at least one mantissa digit
 * (so {@code 1.}, {@code .5}, {@code -2e-3}), and the literals {@code nan}, {@code inf},
 * {@code infinity} in any case with an optional sign. Java's suffixes ({@code 1d}, {@code 2f}) and hex
 * floats are not numbers here. Results are correctly rounded: short mantissas take Clinger's fast path
 * (an integer below 2^53 times or divided by an exact power of ten up to 10^22 is one rounded
 * operation), mantissas of up to 18 digits {@link EiselLemire}, and anything it cannot decide (more
 * digits, subnormals, overflow, rare near-ties) falls back to {@link Double#parseDouble}.
 */
final class DecimalParser {
    /** What a field turned out to be. */
    enum Kind { NUMBER, NOT_A_NUMBER, NON_FINITE, OUT_OF_RANGE }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long EXACT_LIMIT = 1L << 53;
    private static final int MAX_FAST_DIGITS = 18;

    private double value;

    /** The value of the last field parsed as NUMBER, NON_FINITE or OUT_OF_RANGE (then ±Infinity). */
    double value() {
        return value;
    }

    /** Classifies and parses {@code b[from, to)}, which must already be trimmed. */
    Kind parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (i < to && isLetter(b[i])) {
            return nonFinite(b, i, to, negative);
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean anyDigit = false;
        boolean slow = false;
        while (i < to && isDigit(b[i])) {
            int d = b[i++] - '0';
            anyDigit = true;
            if (mantissa == 0 && d == 0) {
                continue;
            }
            if (significant < MAX_FAST_DIGITS) {
                mantissa = mantissa * 10 + d;
                significant++;
            } else {
                slow = true;
            }
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                int d = b[i++] - '0';
                anyDigit = true;
                if (mantissa == 0 && d == 0) {
                    scale--;
                } else if (significant < MAX_FAST_DIGITS) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                    scale--;
                } else {
                    slow = true;
                }
            }
        }
        if (!anyDigit) {
            return Kind.NOT_A_NUMBER;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == to || !isDigit(b[i])) {
                return Kind.NOT_A_NUMBER;
            }
            while (i < to && isDigit(b[i])) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                } else {
                    slow = true; // absurd exponent: let parseDouble saturate to 0 or infinity
                }
                i++;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return Kind.NOT_A_NUMBER;
        }
        if (!slow) {
            int e10 = scale + exponent;
            if (mantissa == 0) {
                value = negative ? -0.0 : 0.0;
                return Kind.NUMBER;
            }
            if (mantissa <= EXACT_LIMIT && e10 >= -22 && e10 <= 22) {
                double v = e10 >= 0 ? mantissa * POW10[e10] : mantissa / POW10[-e10];
                value = negative ? -v : v;
                return Kind.NUMBER;
            }
            double v = EiselLemire.toDouble(mantissa, e10, negative);
            if (!Double.isNaN(v)) {
                value = v;
                return Kind.NUMBER;
            }
        }
        value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        return Double.isInfinite(value) ? Kind.OUT_OF_RANGE : Kind.NUMBER;
    }

    private Kind nonFinite(byte[] b, int from, int to, boolean negative) {
        if (matches(b, from, to, "nan")) {
            value = Double.NaN;
            return Kind.NON_FINITE;
        }
        if (matches(b, from, to, "inf") || matches(b, from, to, "infinity")) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return Kind.NON_FINITE;
        }
        return Kind.NOT_A_NUMBER;
    }

    private static boolean matches(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase((char) (b[from + k] & 0xff)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
