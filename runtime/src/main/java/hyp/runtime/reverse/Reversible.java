package hyp.runtime.reverse;

import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.hyper.Dynamics;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientException;
import hyp.runtime.hyper.HypergradientStrategy;
import hyp.runtime.hyper.Memory;
import hyp.runtime.hyper.Work;
import java.util.Arrays;

/**
 * Reversible learning (Maclaurin, Duvenaud and Adams 2015): run T steps exactly in fixed point keeping only
 * the final state and the information buffers, then walk back: each inverse step restores s_t bit-for-bit,
 * and the step's adjoint at s_t (the dynamics' own, on the double view of s_t) accumulates ∇_λ. Memory is
 * O(T·Σ log2(1/γ)) bits per element instead of T states; time is about three forward sweeps.
 *
 * <p>The gradient is that of the run on the fixed-point trajectory; {@link FixedPointDynamics} is the same
 * trajectory as {@link Dynamics}, on which store-all gives the same numbers.
 */
public final class Reversible implements HypergradientStrategy {
    private final UpdateSequence seq;
    private final FixedPointFormat[] formats;
    private final Integer fracBits;

    /** Formats chosen per run from the range a double run of the same T steps reaches (that run is counted as work). */
    public Reversible(UpdateSequence seq) {
        this(seq, null, null);
    }

    /** The same D fractional bits for every memory entry. */
    public Reversible(UpdateSequence seq, int fracBits) {
        this(seq, null, fracBits);
    }

    /** Fixed formats, one per memory entry. */
    public Reversible(UpdateSequence seq, FixedPointFormat[] formats) {
        this(seq, formats.clone(), null);
    }

    private Reversible(UpdateSequence seq, FixedPointFormat[] formats, Integer fracBits) {
        this.seq = seq;
        this.formats = formats;
        this.fracBits = fracBits;
    }

    @Override
    public Hypergradient compute(Dynamics d, int steps, double[] hyper, double[] finalState) {
        return run(d, steps, hyper, finalState).hypergradient();
    }

    /** {@link #compute} with the memory and work details. */
    public ReversibleHypergradient run(Dynamics d, int steps, double[] hyper, double[] finalState) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        int n = d.stateSize();
        if (n != seq.state().size()) {
            throw new IllegalArgumentException("dynamics has " + n + " state entries, the update sequence " + seq.state().size());
        }
        if (hyper.length != d.hyperSize()) {
            throw new IllegalArgumentException("hyper has length " + hyper.length + ", expected " + d.hyperSize());
        }
        double[] s0 = new double[n];
        d.init(hyper, s0);
        if (seq.stops() && s0[seq.stopSlot()] != 0.0) return frozen(d, steps, hyper, s0, finalState);
        long forward = 0;
        int first = d.firstStep();
        FixedPointFormat[] f = formats;
        if (f == null && fracBits != null) f = FixedPointFormats.uniform(seq, fracBits);
        if (f == null) {
            f = FixedPointFormats.observe(seq, s0, hyper, steps, first);
            forward += steps;
        }
        ExactReversibleStep exact = new ExactReversibleStep(seq, f);
        exact.start(s0, hyper, first);
        long[][] start = exact.fixedState();
        for (int t = 0; t < steps; t++) exact.forward();
        forward += steps;
        int active = exact.stoppedAt() >= 0 ? exact.stoppedAt() + 1 : steps;
        long bits = exact.bufferBits(), bytes = exact.bufferBytes();

        double[] cur = new double[n], bar = new double[n], barPrev = new double[n];
        double[] hyperBar = new double[d.hyperSize()];
        exact.view(cur);
        requireFinite(cur, "s_" + steps);
        if (finalState != null) System.arraycopy(cur, 0, finalState, 0, n);
        double value = d.outerLoss(cur, hyper);
        if (!Double.isFinite(value)) throw new HypergradientException("Reversible: outer loss = " + value);
        d.outerLossGradient(cur, hyper, bar, hyperBar);
        for (int t = steps - 1; t >= 0; t--) {
            exact.inverse();
            exact.view(cur);
            d.stepAdjoint(t, cur, hyper, bar, barPrev, hyperBar);
            requireFiniteAdjoint(barPrev, cur, t, f);
            double[] swap = bar;
            bar = barPrev;
            barPrev = swap;
        }
        d.initAdjoint(hyper, bar, hyperBar);
        requireFinite(hyperBar, "hypergradient");
        if (!exact.buffersEmpty() || !Arrays.deepEquals(start, exact.fixedState())) {
            throw new IllegalStateException("Reversible: the inverse sweep did not return to s_0 bit-for-bit");
        }
        long correctionBytes = (long) exact.peakCorrections() * ExactReversibleStep.correctionBytesEach();
        Memory memory = new Memory(0, bytes + correctionBytes);
        Hypergradient g = new Hypergradient(value, hyperBar, memory, Work.ofSteps(forward, steps));
        return new ReversibleHypergradient(g, f, active, seq.state().size(0), bits, active * seq.bufferBitsPerStep(),
                bytes, exact.peakCorrections(), correctionBytes, Memory.ofStates(steps, n).storedBytes(), steps,
                exact.searchEvaluations());
    }

    /**
     * A warm start whose until rule already held: every step keeps the state, so nothing is run or stored and
     * the hypergradient is L_te's own (plus whatever init(λ) passes on).
     */
    private ReversibleHypergradient frozen(Dynamics d, int steps, double[] hyper, double[] s0, double[] finalState) {
        int n = s0.length;
        if (finalState != null) System.arraycopy(s0, 0, finalState, 0, n);
        double value = d.outerLoss(s0, hyper);
        if (!Double.isFinite(value)) throw new HypergradientException("Reversible: outer loss = " + value);
        double[] bar = new double[n], hyperBar = new double[d.hyperSize()];
        d.outerLossGradient(s0, hyper, bar, hyperBar);
        d.initAdjoint(hyper, bar, hyperBar);
        requireFinite(hyperBar, "hypergradient");
        Hypergradient g = new Hypergradient(value, hyperBar, new Memory(0, 0), Work.ofSteps(0, 0));
        FixedPointFormat[] none = FixedPointFormats.uniform(seq, 0);
        return new ReversibleHypergradient(g, none, 0, seq.state().size(0), 0, 0, 0, 0, 0,
                Memory.ofStates(steps, n).storedBytes(), 0, 0);
    }

    /**
     * A fixed-point state can hold exact zeros where the double run holds tiny values (below the grid's
     * resolution 2^−D), and a step's derivative may be singular there (sqrt at 0 in Adam): say so.
     */
    private void requireFiniteAdjoint(double[] stateBar, double[] state, int t, FixedPointFormat[] f) {
        int bad = -1;
        for (int i = 0; i < stateBar.length && bad < 0; i++) if (!Double.isFinite(stateBar[i])) bad = i;
        if (bad < 0) return;
        int zero = bad < seq.memorySize() && state[bad] == 0.0 ? bad : -1;
        for (int i = 0; i < seq.memorySize() && zero < 0; i++) if (state[i] == 0.0) zero = i;
        String zeros = "";
        if (zero >= 0) {
            int k = entry(zero);
            zeros = "; " + entryName(zero) + " is exactly 0 there: values below its grid's resolution 2^-"
                    + f[k].fracBits() + " have rounded to 0, where the step's derivative may be singular (as sqrt's "
                    + "at 0); use fewer steps, or an optimizer whose step is smooth at 0";
        }
        throw new HypergradientException("Reversible: the adjoint of step " + (t + 1) + " at the fixed-point state is "
                + stateBar[bad] + " (state entry " + entryName(bad) + ")" + zeros);
    }

    private int entry(int flat) {
        int k = seq.state().count() - 1;
        while (k > 0 && flat < seq.state().offset(k)) k--;
        return k;
    }

    private String entryName(int flat) {
        int k = entry(flat);
        return seq.state().names().get(k) + "[" + (flat - seq.state().offset(k)) + "]";
    }

    private static void requireFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new HypergradientException("Reversible: " + what + "[" + i + "] = " + v[i]);
        }
    }
}
