package hyp.runtime.reverse;

import hyp.runtime.hyper.NonFiniteValueException;

import hyp.runtime.exact.FixedPointFormat;
import java.util.Arrays;

/**
 * Chooses the fixed-point formats of a sequence's memory entries: the same D for all, as a user asks for
 * with {@code --frac-bits}, or per entry from the range a plain-double run of the same sequence reaches.
 * Per entry matters: Adam's w is of order 1 while v, a mean of squared gradients, may be 10⁻⁸; one D for
 * both would leave v with few significant bits. Entries updated implicitly get a coarser grid (see
 * {@link #searchableBitsFor}).
 */
public final class FixedPointFormats {
    /**
     * Bits of range kept above the largest magnitude observed: 2^3 = 8 times. An update's increment is at
     * most |x'| + γ|x|, and the exact run may stray a little from the float run it was sized by.
     */
    public static final int HEADROOM_BITS = 3;

    private FixedPointFormats() {}

    /** D fractional bits for every memory entry. */
    public static FixedPointFormat[] uniform(UpdateSequence seq, int fracBits) {
        FixedPointFormat[] out = new FixedPointFormat[seq.memory()];
        Arrays.fill(out, new FixedPointFormat(fracBits));
        return out;
    }

    /**
     * Per entry, the most fractional bits whose range holds 2^{@value #HEADROOM_BITS} times the largest
     * magnitude the entry reaches in {@code steps} steps of the sequence in doubles from s_0.
     *
     * @throws NonFiniteValueException naming the entry and step if that run leaves the finite doubles
     */
    public static FixedPointFormat[] observe(UpdateSequence seq, double[] state0, double[] hyper, int steps) {
        return observe(seq, state0, hyper, steps, 0);
    }

    /** As {@link #observe(UpdateSequence, double[], double[], int)} from step {@code firstStep} of a longer run. */
    public static FixedPointFormat[] observe(UpdateSequence seq, double[] state0, double[] hyper, int steps, int firstStep) {
        FloatReversibleStep run = new FloatReversibleStep(seq);
        run.start(state0, hyper, firstStep);
        double[] s = new double[state0.length];
        double[] largest = new double[seq.memory()];
        for (int t = 0; ; t++) {
            run.view(s);
            for (int k = 0; k < seq.memory(); k++) {
                int off = seq.state().offset(k);
                for (int i = 0; i < seq.state().size(k); i++) {
                    double v = Math.abs(s[off + i]);
                    if (!Double.isFinite(v)) {
                        int step = firstStep + t;
                        throw new NonFiniteValueException("state '" + seq.state().names().get(k) + "'",
                                step == 0 ? "after init" : "after step " + step, step,
                                seq.state().entryName(off + i), s[off + i], "met in the double run that sizes the"
                                        + " fixed-point ranges: the optimizer diverges, or give the fractional bits"
                                        + " explicitly (reversible:B)");
                    }
                    largest[k] = Math.max(largest[k], v);
                }
            }
            if (t == steps || run.stoppedAt() >= 0) break;
            run.forward();
        }
        boolean[] solved = new boolean[seq.memory()];
        for (UpdateGroup g : seq.groups()) if (g.implicit()) solved[g.updates().get(0).target()] = true;
        FixedPointFormat[] out = new FixedPointFormat[seq.memory()];
        for (int k = 0; k < out.length; k++) {
            int d = fracBitsFor(largest[k]);
            if (solved[k]) d = Math.min(d, searchableBitsFor(largest[k], run.largestImplicitIncrement(k)));
            out[k] = new FixedPointFormat(d);
        }
        return out;
    }

    /**
     * Fractional bits for an entry that an implicit update solves for. The inverse searches the grid for x
     * with x' = x + round(f(x)), and f, computed in doubles, carries rounding noise of about one unit in the
     * last place of the largest increments (near an optimum the gradient is a cancelling sum of terms that
     * were that large). On a grid finer than that noise, or than the doubles of x that f reads, the rounded
     * f is noise from one grid point to the next, the search lands on the wrong point at almost every step
     * and every miss costs a correction. So: no finer than the doubles of x, and four times coarser than
     * the unit in the last place of the largest |f|.
     */
    public static int searchableBitsFor(double largestValue, double largestIncrement) {
        int bits = 62;
        if (largestValue > 0) bits = Math.min(bits, 52 - Math.getExponent(largestValue));
        if (largestIncrement > 0) bits = Math.min(bits, 50 - Math.getExponent(largestIncrement));
        return Math.max(0, bits);
    }

    /** The most fractional bits (at most 62) whose range ±2^(63−D) holds 2^HEADROOM_BITS·largest. */
    public static int fracBitsFor(double largest) {
        if (largest == 0) return 62;
        int exponent = Math.getExponent(largest);   // largest < 2^(exponent+1)
        return Math.max(0, Math.min(62, 62 - HEADROOM_BITS - exponent));
    }
}
