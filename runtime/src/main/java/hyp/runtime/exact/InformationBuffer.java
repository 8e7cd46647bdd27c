package hyp.runtime.exact;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Per-element information buffers that make multiplying fixed-point integers by γ = n/d exactly
 * reversible (Maclaurin, Duvenaud and Adams 2015, "Gradient-based hyperparameter optimization through
 * reversible learning"). Each element owns a natural number N used as a stack of digits of any radix
 * up to 2^31; N = 0 is the empty buffer.
 *
 * <p><b>Exact multiply.</b> Forward, x ← x·n/d: {@code r = pop(n); t = x·n + r; x = ⌊t/d⌋; push(t mod d, d)}.
 * Inverse: {@code s = pop(d); t = x·d + s; x = ⌊t/n⌋; push(t mod n, n)}. Since 0 ≤ r &lt; n, ⌊t/n⌋ and
 * t mod n give back the x and r we began with, and push/pop of one radix are inverse bijections, so each
 * direction undoes the other bit-for-bit. Division is floored and remainders are floorMod (always in
 * [0, radix)), which makes this hold for negative x too. Popping before dividing keeps the result within
 * (−1, γ) units of x·γ. t may need 95 bits, so it is never formed: with x = q·d + m (0 ≤ m &lt; d),
 * ⌊t/d⌋ = q·n + ⌊(m·n + r)/d⌋ and t mod d = (m·n + r) mod d, where m·n + r &lt; 2^62.
 *
 * <p><b>Why N grows by log2(d/n) bits per multiply.</b> pop(n) divides N by n and push(·, d) multiplies it
 * by d. N is one mixed-radix number, not a list of digits each padded to whole bits.
 *
 * <p><b>Why each digit costs O(1).</b> Multiplying all of N by a radix would cost O(|N|). Instead, as in
 * range and ANS coders, only a 64-bit head h is touched: N = h·2^(32k) + (k 32-bit words below it).
 * Before an operation with radix r, whole words are moved between head and word stack (leaving N
 * unchanged) so that h ∈ [F, 2^32·F), or h &lt; 2^32·F when no words remain, where F = K for a push,
 * F = K·r for a pop and K = ⌊2^31/r⌋. That split is a function of N alone; a push maps
 * [K, 2^32·K) × [0, r) one-to-one onto [K·r, 2^32·K·r) and a pop is its inverse, so no radix has to
 * divide anything. Each operation moves at most a word or two and, once N has a word below the head,
 * changes log2 N by log2 r to within about r·2^−30 bits.
 *
 * <p>Not thread-safe, but elements are independent: disjoint element ranges may be used concurrently.
 */
public final class InformationBuffer {
    /** The largest radix, and the largest numerator or denominator of γ, accepted: 2^31. */
    public static final long MAX_RADIX = 1L << 31;

    private static final int WORD_BITS = 32;
    private static final long WORD_MASK = 0xFFFF_FFFFL;
    private static final long[] NO_WORDS = {};

    private final long[] head;
    /** Per element, 32-bit words packed two to a long, bottom (least significant) first. */
    private final long[][] words;
    /** Per element, the number of 32-bit words on the stack. */
    private final int[] depth;

    /** Empty buffers for {@code elements} elements. */
    public InformationBuffer(int elements) {
        if (elements < 0) {
            throw new IllegalArgumentException("InformationBuffer: negative element count " + elements);
        }
        head = new long[elements];
        words = new long[elements][];
        Arrays.fill(words, NO_WORDS);
        depth = new int[elements];
    }

    /** The number of elements. */
    public int elements() {
        return head.length;
    }

    /** Pushes {@code digit} ∈ [0, radix) onto element {@code element}'s stack: N ← N·radix + digit (in effect). */
    public void push(int element, long digit, long radix) {
        checkRadix(radix);
        if (digit < 0 || digit >= radix) {
            throw new IllegalArgumentException("InformationBuffer.push: digit " + digit + " not in [0, " + radix + ")");
        }
        pushDigit(element, digit, radix, Radices.pushFloor(radix));
    }

    /** Pops a digit in [0, radix) from element {@code element}'s stack; the inverse of {@link #push}. Empty gives 0. */
    public long pop(int element, long radix) {
        checkRadix(radix);
        return popDigit(element, radix, Radices.popFloor(radix));
    }

    /** Exact, reversible {@code x·γ} (rounded within (−1, γ) units) for one element. */
    public long mulExact(long x, int element, Rational gamma) {
        return mulExact(x, element, Radices.of(gamma), null, FixedPointOverflowException.NO_STEP);
    }

    /** The exact inverse of {@link #mulExact(long, int, Rational)}. */
    public long unmulExact(long x, int element, Rational gamma) {
        return unmulExact(x, element, Radices.of(gamma), null, FixedPointOverflowException.NO_STEP);
    }

    /** {@code x[i] ← x[i]·γ} exactly and reversibly, element i using buffer i. */
    public void mulExact(long[] x, Rational gamma) {
        mulExact(x, 0, x.length, gamma, null, FixedPointOverflowException.NO_STEP);
    }

    /** The exact inverse of {@link #mulExact(long[], Rational)}. */
    public void unmulExact(long[] x, Rational gamma) {
        unmulExact(x, 0, x.length, gamma, null, FixedPointOverflowException.NO_STEP);
    }

    /** As {@link #mulExact(long[], Rational)}; an overflow names {@code variable[i]} and {@code step}. */
    public void mulExact(long[] x, Rational gamma, String variable, long step) {
        mulExact(x, 0, x.length, gamma, variable, step);
    }

    /** As {@link #unmulExact(long[], Rational)}; an overflow names {@code variable[i]} and {@code step}. */
    public void unmulExact(long[] x, Rational gamma, String variable, long step) {
        unmulExact(x, 0, x.length, gamma, variable, step);
    }

    /**
     * {@link #mulExact(long[], Rational)} on {@code x[from..to)} only. If element i overflows, x[i] and
     * its buffer are left as they were, elements before i are already multiplied, and the exception
     * names i.
     */
    public void mulExact(long[] x, int from, int to, Rational gamma, String variable, long step) {
        checkRange(x, from, to);
        Radices g = Radices.of(gamma);
        for (int i = from; i < to; i++) {
            x[i] = mulExact(x[i], i, g, variable, step);
        }
    }

    /** {@link #unmulExact(long[], Rational)} on {@code x[from..to)} only; overflow as for mulExact. */
    public void unmulExact(long[] x, int from, int to, Rational gamma, String variable, long step) {
        checkRange(x, from, to);
        Radices g = Radices.of(gamma);
        for (int i = from; i < to; i++) {
            x[i] = unmulExact(x[i], i, g, variable, step);
        }
    }

    /** Total bit length of all the elements' numbers N: the information actually stored. */
    public long bitsUsed() {
        long bits = 0;
        for (int e = 0; e < head.length; e++) {
            // k > 0 implies h ≥ 1, so this is the exact bit length of N.
            bits += (64 - Long.numberOfLeadingZeros(head[e])) + (long) WORD_BITS * depth[e];
        }
        return bits;
    }

    /** 64-bit words held: one head per element plus the allocated capacity of the word stacks. */
    public long wordsAllocated() {
        long total = head.length;
        for (long[] w : words) {
            total += w.length;
        }
        return total;
    }

    /** Whether every element's buffer is empty (N = 0). */
    public boolean isEmpty() {
        for (int e = 0; e < head.length; e++) {
            if (head[e] != 0 || depth[e] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Empties every buffer and releases the word stacks. */
    public void clear() {
        Arrays.fill(head, 0);
        Arrays.fill(depth, 0);
        Arrays.fill(words, NO_WORDS);
    }

    /** Element {@code element}'s number N, for checks. */
    BigInteger value(int element) {
        int k = depth[element];
        byte[] bigEndian = new byte[8 + 4 * k];
        for (int b = 0; b < 8; b++) {
            bigEndian[b] = (byte) (head[element] >>> (56 - 8 * b));
        }
        for (int j = 0; j < k; j++) {
            long packed = words[element][j >>> 1];
            long word = (j & 1) == 0 ? packed & WORD_MASK : packed >>> WORD_BITS;
            int at = 8 + 4 * (k - 1 - j);
            for (int b = 0; b < 4; b++) {
                bigEndian[at + b] = (byte) (word >>> (24 - 8 * b));
            }
        }
        return new BigInteger(1, bigEndian);
    }

    long mulExact(long x, int e, Radices g, String variable, long step) {
        if (g.isOne()) {
            return x;
        }
        long n = g.n();
        long d = g.d();
        long r = popDigit(e, n, g.popFloorN());
        long q = Math.floorDiv(x, d);
        long u = (x - q * d) * n + r;      // (x mod d)·n + r < d·n ≤ 2^62
        long uq = u / d;
        long result;
        try {
            result = scaleAndAdd(q, n, uq);
        } catch (ArithmeticException overflow) {
            pushDigit(e, r, n, g.pushFloorN());
            throw new FixedPointOverflowException(variable, e, step,
                    "raw value " + x + " times " + g.gamma() + " does not fit in 64 bits");
        }
        pushDigit(e, u - uq * d, d, g.pushFloorD());
        return result;
    }

    long unmulExact(long x, int e, Radices g, String variable, long step) {
        if (g.isOne()) {
            return x;
        }
        long n = g.n();
        long d = g.d();
        long s = popDigit(e, d, g.popFloorD());
        long a = Math.floorDiv(x, n);
        long v = (x - a * n) * d + s;      // (x mod n)·d + s < n·d ≤ 2^62
        long vq = v / n;
        long result;
        try {
            result = scaleAndAdd(a, d, vq);
        } catch (ArithmeticException overflow) {
            pushDigit(e, s, d, g.pushFloorD());
            throw new FixedPointOverflowException(variable, e, step,
                    "raw value " + x + " divided by " + g.gamma() + " does not fit in 64 bits");
        }
        pushDigit(e, v - vq * n, n, g.pushFloorN());
        return result;
    }

    /**
     * {@code a·m + rem} for 0 ≤ rem &lt; m, throwing only if the result itself overflows: for a &lt; 0 it is
     * formed as (a+1)·m + (rem − m), whose product lies between the result and zero.
     */
    private static long scaleAndAdd(long a, long m, long rem) {
        return a >= 0 ? Math.addExact(Math.multiplyExact(a, m), rem)
                : Math.addExact(Math.multiplyExact(a + 1, m), rem - m);
    }

    private long popDigit(int e, long radix, long floor) {
        long h = renormalise(e, floor);
        long quotient = h / radix;         // h ≥ 0: plain division is floor division
        head[e] = quotient;
        return h - quotient * radix;
    }

    private void pushDigit(int e, long digit, long radix, long floor) {
        head[e] = renormalise(e, floor) * radix + digit;   // < 2^32·K·radix ≤ 2^63
    }

    /** Moves words so that h ∈ [floor, 2^32·floor), or h &lt; 2^32·floor with no words left. N is unchanged. */
    private long renormalise(int e, long floor) {
        long h = head[e];
        // One word suffices: h < 2^63, so h >>> 32 < 2^31 < 2^32·floor.
        if ((h >>> WORD_BITS) >= floor) {
            writeWord(e, h & WORD_MASK);
            h >>>= WORD_BITS;
        }
        while (h < floor && depth[e] > 0) {
            h = (h << WORD_BITS) | readWord(e);   // h < floor ≤ 2^31, so no overflow
        }
        return h;
    }

    private void writeWord(int e, long word) {
        int k = depth[e];
        long[] w = words[e];
        int slot = k >>> 1;
        if (slot == w.length) {
            w = Arrays.copyOf(w, Math.max(4, 2 * w.length));
            words[e] = w;
        }
        w[slot] = (k & 1) == 0 ? word : (w[slot] & WORD_MASK) | (word << WORD_BITS);
        depth[e] = k + 1;
    }

    private long readWord(int e) {
        int k = depth[e] - 1;
        depth[e] = k;
        long packed = words[e][k >>> 1];
        return (k & 1) == 0 ? packed & WORD_MASK : packed >>> WORD_BITS;
    }

    private static void checkRadix(long radix) {
        if (radix < 1 || radix > MAX_RADIX) {
            throw new IllegalArgumentException("InformationBuffer: radix " + radix + " not in [1, 2^31]");
        }
    }

    private void checkRange(long[] x, int from, int to) {
        if (from < 0 || to > x.length || from > to || to > head.length) {
            throw new IllegalArgumentException("InformationBuffer: range [" + from + ", " + to + ") invalid for "
                    + x.length + " values and " + head.length + " buffers");
        }
    }
}
