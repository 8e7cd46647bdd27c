package hyp.runtime.data;

import java.math.BigInteger;

/**
 * Correctly rounded decimal-to-double conversion for a 64-bit decimal significand and a power of ten,
 * by the Eisel–Lemire algorithm (D. Lemire, "Number parsing at a gigabyte per second", 2021): one
 * 64 × 128-bit product with a truncated power of ten, and a refusal (NaN) in the rare cases the
 * truncation leaves the rounding in doubt, or the result is subnormal or out of range; the caller then
 * falls back to an exact method. This is the path that full-precision {@link Double#toString} output
 * takes, and it is several times faster than {@link Double#parseDouble}.
 */
final class EiselLemire {
    private static final int MIN_EXP10 = -348;
    private static final int MAX_EXP10 = 347;
    /** For each power 10^q, its top 128 bits rounded down: HIGH[q - MIN] then LOW[q - MIN]. */
    private static final long[] HIGH = new long[MAX_EXP10 - MIN_EXP10 + 1];
    private static final long[] LOW = new long[MAX_EXP10 - MIN_EXP10 + 1];

    static {
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
            BigInteger top;
            if (q >= 0) {
                BigInteger p = BigInteger.TEN.pow(q);
                int shift = p.bitLength() - 128;
                top = shift >= 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
            } else {
                BigInteger d = BigInteger.TEN.pow(-q);
                top = BigInteger.ONE.shiftLeft(127 + d.bitLength()).divide(d); // in (2^127, 2^128): 128 bits
            }
            HIGH[q - MIN_EXP10] = top.shiftRight(64).longValue();
            LOW[q - MIN_EXP10] = top.and(mask).longValue();
        }
    }

    private EiselLemire() {}

    /**
     * The double nearest to {@code significand × 10^exp10} (ties to even), or NaN when this method
     * cannot decide it. {@code significand} is read as unsigned and must be non-zero.
     */
    static double toDouble(long significand, int exp10, boolean negative) {
        if (exp10 < MIN_EXP10 || exp10 > MAX_EXP10) {
            return Double.NaN;
        }
        int clz = Long.numberOfLeadingZeros(significand);
        long man = significand << clz;
        long exp2 = ((217706L * exp10) >> 16) + 64 + 1023 - clz; // floor(exp10·log2 10) + bias
        int row = exp10 - MIN_EXP10;
        long xHi = unsignedMultiplyHigh(man, HIGH[row]);
        long xLo = man * HIGH[row];
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            // the truncated low word of the power could carry into the bits that decide the rounding
            long yHi = unsignedMultiplyHigh(man, LOW[row]);
            long yLo = man * LOW[row];
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo == -1L && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return Double.NaN; // exactly halfway as far as 128 bits can tell
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        if (exp2 <= 0 || exp2 >= 0x7FF) {
            return Double.NaN; // subnormal or overflow: leave to the exact method
        }
        long bits = exp2 << 52 | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
        if (negative) {
            bits |= Long.MIN_VALUE;
        }
        return Double.longBitsToDouble(bits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrived after Java 17). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
