package hyp.runtime.exact;

/**
 * Signed 64-bit fixed point with {@code fracBits} fractional bits: the integer {@code m} stands for
 * {@code m / 2^fracBits}. Addition and subtraction are exact (or throw), so adding a double increment
 * rounded by {@link #fromDouble(double)} is undone bit-for-bit by subtracting the same increment.
 *
 * <p>Array methods take the overflow context as a variable name and a step ({@link
 * FixedPointOverflowException#NO_STEP} for none): plain arguments, so the hot path allocates nothing
 * and the message is only built when something overflows.
 */
public record FixedPointFormat(int fracBits) {
    private static final double TWO_63 = 0x1p63;

    /** @param fracBits fractional bits D, in [0, 62] */
    public FixedPointFormat {
        if (fracBits < 0 || fracBits > 62) {
            throw new IllegalArgumentException("FixedPointFormat: fracBits must be in [0, 62], got " + fracBits);
        }
    }

    /** The largest magnitude representable: 2^(63 − D) (exclusive for positive values). */
    public double range() {
        return Math.scalb(1.0, 63 - fracBits);
    }

    /** The value of one unit in the last place: 2^−D. */
    public double resolution() {
        return Math.scalb(1.0, -fracBits);
    }

    /** Rounds {@code v} to the nearest fixed-point value (ties to even); throws if out of range or not finite. */
    public long fromDouble(double v) {
        return fromDouble(v, null, -1, FixedPointOverflowException.NO_STEP);
    }

    /** The double nearest to fixed-point value {@code m}. */
    public double toDouble(long m) {
        return Math.scalb((double) m, -fracBits);
    }

    /** Exact {@code a + b}; throws instead of wrapping. */
    public long add(long a, long b) {
        return add(a, b, null, -1, FixedPointOverflowException.NO_STEP);
    }

    /** Exact {@code a − b}; throws instead of wrapping. */
    public long subtract(long a, long b) {
        return subtract(a, b, null, -1, FixedPointOverflowException.NO_STEP);
    }

    /** {@code x[i] += fromDouble(increment[i])} for every i. */
    public void add(long[] x, double[] increment) {
        add(x, increment, null, FixedPointOverflowException.NO_STEP);
    }

    /** {@code x[i] −= fromDouble(increment[i])}: the exact inverse of {@link #add(long[], double[])}. */
    public void subtract(long[] x, double[] increment) {
        subtract(x, increment, null, FixedPointOverflowException.NO_STEP);
    }

    /** As {@link #add(long[], double[])}; an overflow names {@code variable[i]} and {@code step}. */
    public void add(long[] x, double[] increment, String variable, long step) {
        requireSameLength(x, increment);
        for (int i = 0; i < x.length; i++) {
            x[i] = add(x[i], fromDouble(increment[i], variable, i, step), variable, i, step);
        }
    }

    /** As {@link #subtract(long[], double[])}; an overflow names {@code variable[i]} and {@code step}. */
    public void subtract(long[] x, double[] increment, String variable, long step) {
        requireSameLength(x, increment);
        for (int i = 0; i < x.length; i++) {
            x[i] = subtract(x[i], fromDouble(increment[i], variable, i, step), variable, i, step);
        }
    }

    /** {@code out[i] = fromDouble(v[i])}. */
    public void fromDouble(double[] v, long[] out, String variable) {
        requireSameLength(out, v);
        for (int i = 0; i < v.length; i++) {
            out[i] = fromDouble(v[i], variable, i, FixedPointOverflowException.NO_STEP);
        }
    }

    /** {@code out[i] = toDouble(m[i])}. */
    public void toDouble(long[] m, double[] out) {
        requireSameLength(m, out);
        for (int i = 0; i < m.length; i++) {
            out[i] = toDouble(m[i]);
        }
    }

    /** {@link #fromDouble(double)} with the context an overflow should report. */
    public long fromDouble(double v, String variable, int index, long step) {
        double scaled = Math.rint(Math.scalb(v, fracBits));
        // Also rejects NaN, whose comparisons are all false.
        if (!(scaled >= -TWO_63 && scaled < TWO_63)) {
            throw new FixedPointOverflowException(variable, index, step,
                    v + " does not fit " + describe());
        }
        return (long) scaled;
    }

    /** {@link #add(long, long)} with the context an overflow should report. */
    public long add(long a, long b, String variable, int index, long step) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw new FixedPointOverflowException(variable, index, step,
                    toDouble(a) + " + " + toDouble(b) + " does not fit " + describe());
        }
        return r;
    }

    /** {@link #subtract(long, long)} with the context an overflow should report. */
    public long subtract(long a, long b, String variable, int index, long step) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw new FixedPointOverflowException(variable, index, step,
                    toDouble(a) + " - " + toDouble(b) + " does not fit " + describe());
        }
        return r;
    }

    private String describe() {
        return "fixed point with " + fracBits + " fractional bits (range ±2^" + (63 - fracBits) + ")";
    }

    private static void requireSameLength(long[] x, double[] v) {
        if (x.length != v.length) {
            throw new IllegalArgumentException("FixedPointFormat: arrays differ in length: "
                    + x.length + " fixed-point values, " + v.length + " doubles");
        }
    }
}
