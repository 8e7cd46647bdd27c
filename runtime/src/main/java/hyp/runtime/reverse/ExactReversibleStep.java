package hyp.runtime.reverse;

import hyp.runtime.exact.FixedPointOverflowException;

import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.exact.InformationBuffer;
import java.util.Arrays;

/**
 * The sequence exactly, in 64-bit fixed point (one {@link FixedPointFormat} per memory entry). An increment
 * is computed in doubles from the double view of the fixed-point state and rounded to the target's grid;
 * the inverse recomputes it from a bit-identical state, so it is bit-identical and subtracting it undoes the
 * add. Multiplying by γ = n/d goes through a per-element {@link InformationBuffer}, which keeps what the
 * division drops. Overflow throws a {@code FixedPointOverflowException} naming the entry, element and step.
 *
 * <p>An implicit update x' = γx + round(f(x)) is inverted by searching for the rounded increment ι with
 * ι = round(f(x(ι))), x(ι) = (x' − ι)/γ exactly: start from ι = round(f(x')) and iterate (a fixed-point
 * iteration on the grid, which contracts when ‖∂f/∂x‖ &lt; γ). The grid map is not always one-to-one, so the
 * search may settle on a wrong ι; the forward step runs the same search and logs the difference where it
 * misses (see {@link CorrectionLog}), which makes the inverse exact whatever the search does.
 */
public final class ExactReversibleStep extends SequenceRunner {
    /** Cap on the grid iterations of one implicit search. */
    public static final int MAX_SEARCH = 100;

    private final FixedPointFormat[] formats;
    private final long[][] x;
    private final InformationBuffer[] buffers;
    private final CorrectionLog corrections = new CorrectionLog();
    private final long[] iota, truth, trial, previous, saved;
    private long searchEvaluations;

    /** @param formats one format per memory entry of the sequence */
    public ExactReversibleStep(UpdateSequence seq, FixedPointFormat[] formats) {
        super(seq);
        if (formats.length != seq.memory()) {
            throw new IllegalArgumentException(formats.length + " fixed-point formats for " + seq.memory() + " memory entries");
        }
        this.formats = formats.clone();
        this.x = new long[seq.memory()][];
        this.buffers = new InformationBuffer[seq.memory()];
        int largest = 0;
        for (int k = 0; k < seq.memory(); k++) {
            x[k] = new long[seq.state().size(k)];
            largest = Math.max(largest, x[k].length);
        }
        for (UpdateGroup g : seq.groups()) {
            for (Update u : g.updates()) {
                if (u.scales() && buffers[u.target()] == null) buffers[u.target()] = new InformationBuffer(x[u.target()].length);
            }
        }
        iota = new long[largest];
        truth = new long[largest];
        trial = new long[largest];
        previous = new long[largest];
        saved = new long[largest];
    }

    /** The fixed-point format of each memory entry. */
    public FixedPointFormat[] formats() {
        return formats.clone();
    }

    @Override
    void load(double[] state0) {
        for (int k = 0; k < x.length; k++) {
            int off = seq.state().offset(k);
            for (int i = 0; i < x[k].length; i++) {
                x[k][i] = formats[k].fromDouble(state0[off + i], seq.state().names().get(k), i, 0);
            }
            sync(k);
        }
        for (InformationBuffer b : buffers) if (b != null) b.clear();
        corrections.clear();
    }

    /** A copy of the fixed-point state: one array of raw values per memory entry. */
    public long[][] fixedState() {
        long[][] copy = new long[x.length][];
        for (int k = 0; k < x.length; k++) copy[k] = x[k].clone();
        return copy;
    }

    /** Bits held by the information buffers: the exact size of what the γ-multiplies have kept. */
    public long bufferBits() {
        long bits = 0;
        for (InformationBuffer b : buffers) if (b != null) bits += b.bitsUsed();
        return bits;
    }

    /** Bytes the information buffers have allocated (heads and word stacks). */
    public long bufferBytes() {
        long words = 0;
        for (InformationBuffer b : buffers) if (b != null) words += b.wordsAllocated();
        return words * Long.BYTES;
    }

    /** Whether every buffer and the correction log are empty, as they are at s_0. */
    public boolean buffersEmpty() {
        for (InformationBuffer b : buffers) if (b != null && !b.isEmpty()) return false;
        return corrections.size() == 0;
    }

    /** Corrections held now, and the most held at once; each takes {@link #correctionBytesEach()} bytes. */
    public int corrections() {
        return corrections.size();
    }

    public int peakCorrections() {
        return corrections.peak();
    }

    public static int correctionBytesEach() {
        return CorrectionLog.ENTRY_BYTES;
    }

    /** Increment evaluations spent searching for implicit increments (forward checks and inverses). */
    public long searchEvaluations() {
        return searchEvaluations;
    }

    @Override
    void forwardExplicit(Update u, Object increment, int t) {
        round(u, increment, iota, t);
        apply(u, iota, t);
    }

    @Override
    void inverseExplicit(Update u, Object increment, int t) {
        round(u, increment, iota, t);
        unapply(u, iota, t);
    }

    @Override
    void forwardImplicit(int group, Update u, Object increment, int t) {
        int n = x[u.target()].length;
        round(u, increment, truth, t);
        apply(u, truth, t);
        search(group, u, t);                       // what the inverse will find from here
        for (int i = 0; i < n; i++) {
            if (iota[i] != truth[i]) corrections.push(t, group, i, correction(u, i, t, truth[i], iota[i]));
        }
    }

    @Override
    void inverseImplicit(int group, Update u, int t) {
        search(group, u, t);
        try {
            corrections.pop(t, group, iota);
        } catch (ArithmeticException overflow) {
            throw new FixedPointOverflowException(seq.state().names().get(u.target()), -1, t,
                    "a stored correction no longer fits 64 bits; the run diverges or needs fewer fractional bits");
        }
        unapply(u, iota, t);
    }

    /** truth − ι, the correction the inverse adds back; an overflow names the entry and step. */
    private long correction(Update u, int i, int t, long truth, long iota) {
        try {
            return Math.subtractExact(truth, iota);
        } catch (ArithmeticException overflow) {
            throw new FixedPointOverflowException(seq.state().names().get(u.target()), i, t,
                    "the correction " + truth + " - " + iota + " exceeds 64 bits; the run diverges or needs fewer"
                            + " fractional bits");
        }
    }

    /**
     * Leaves in {@code iota} a rounded increment ι with ι = round(f((x' − ι)/γ)) when the iteration finds
     * one, else its last iterate; a deterministic function of x', the rest of the state and the buffer,
     * which it leaves as they were.
     */
    private void search(int group, Update u, int t) {
        int k = u.target(), n = x[k].length;
        System.arraycopy(x[k], 0, saved, 0, n);
        round(u, implicitIncrement(group), iota, t);
        searchEvaluations++;
        for (int iteration = 0; iteration < MAX_SEARCH; iteration++) {
            unapply(u, iota, t);                   // the candidate x(ι), with the buffer as the inverse would leave it
            round(u, implicitIncrement(group), trial, t);
            searchEvaluations++;
            apply(u, iota, t);                     // back to x' and the buffer as they were
            if (!Arrays.equals(x[k], 0, n, saved, 0, n)) {
                throw new IllegalStateException("implicit inverse of " + u.name() + " at step " + (t + 1)
                        + ": re-applying a candidate did not restore the state");
            }
            if (Arrays.equals(trial, 0, n, iota, 0, n)) return;
            boolean cycle = iteration > 0 && Arrays.equals(trial, 0, n, previous, 0, n);
            if (cycle) return;                     // two guesses alternate: keep this one; corrections fix it
            System.arraycopy(iota, 0, previous, 0, n);
            System.arraycopy(trial, 0, iota, 0, n);
        }
    }

    /** out[i] = the increment's element i, times the sign, rounded to the target's grid. */
    private void round(Update u, Object increment, long[] out, int t) {
        checkSize(u, increment);
        FixedPointFormat f = formats[u.target()];
        int n = x[u.target()].length;
        for (int i = 0; i < n; i++) out[i] = f.fromDouble(u.sign() * component(increment, i), u.name(), i, t + 1);
    }

    /** x ← γx + ι exactly. */
    private void apply(Update u, long[] inc, int t) {
        int k = u.target();
        long[] v = x[k];
        FixedPointFormat f = formats[k];
        if (u.scales()) buffers[k].mulExact(v, 0, v.length, u.gamma(), u.name(), t + 1);
        for (int i = 0; i < v.length; i++) v[i] = f.add(v[i], inc[i], u.name(), i, t + 1);
        sync(k);
    }

    /** x ← (x − ι)/γ exactly: the inverse of {@link #apply}. */
    private void unapply(Update u, long[] inc, int t) {
        int k = u.target();
        long[] v = x[k];
        FixedPointFormat f = formats[k];
        for (int i = 0; i < v.length; i++) v[i] = f.subtract(v[i], inc[i], u.name(), i, t + 1);
        if (u.scales()) buffers[k].unmulExact(v, 0, v.length, u.gamma(), u.name(), t + 1);
        sync(k);
    }

    /** Refreshes the double view of memory entry k. */
    private void sync(int k) {
        int off = seq.state().offset(k);
        for (int i = 0; i < x[k].length; i++) view[off + i] = formats[k].toDouble(x[k][i]);
    }
}
