package hyp.runtime.reverse;

import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.hyper.Dynamics;
import java.util.Arrays;

/**
 * The exact fixed-point trajectory as {@link Dynamics}: init is the compiled init rounded to the grid, and
 * step is the {@link ExactReversibleStep}'s forward step; adjoints and the outer loss are the compiled
 * dynamics' own, at the double view of the state. {@link hyp.runtime.hyper.StoreAll} on this gives the
 * reference for {@link Reversible} on the same trajectory.
 *
 * <p>The γ-multiplies consume and refill the information buffer, so a step's result depends on the steps
 * before it: steps must be taken in order from {@link #init}, each from the state the previous one
 * produced, as store-all does. Checkpointing strategies, which recompute steps, are refused.
 */
public final class FixedPointDynamics implements Dynamics {
    private final Dynamics compiled;
    private final ExactReversibleStep exact;
    private final double[] current;
    private double[] hyper;

    public FixedPointDynamics(Dynamics compiled, UpdateSequence seq, FixedPointFormat[] formats) {
        if (compiled.stateSize() != seq.state().size()) {
            throw new IllegalArgumentException("dynamics has " + compiled.stateSize() + " state entries, the sequence "
                    + seq.state().size());
        }
        this.compiled = compiled;
        this.exact = new ExactReversibleStep(seq, formats);
        this.current = new double[compiled.stateSize()];
    }

    @Override
    public int stateSize() {
        return compiled.stateSize();
    }

    @Override
    public int hyperSize() {
        return compiled.hyperSize();
    }

    @Override
    public void init(double[] h, double[] state0) {
        double[] raw = new double[state0.length];
        compiled.init(h, raw);
        exact.start(raw, h);
        hyper = h.clone();
        exact.view(current);
        System.arraycopy(current, 0, state0, 0, current.length);
    }

    @Override
    public void step(int t, double[] state, double[] h, double[] next) {
        if (hyper == null || t != exact.step() || !Arrays.equals(state, current) || !Arrays.equals(h, hyper)) {
            throw new IllegalStateException("FixedPointDynamics: step " + t + " asked out of order; the exact steps "
                    + "must run in order from init, each from the state the previous one produced (next is step "
                    + exact.step() + ")");
        }
        exact.forward();
        exact.view(current);
        System.arraycopy(current, 0, next, 0, current.length);
    }

    @Override
    public void stepAdjoint(int t, double[] state, double[] h, double[] nextBar, double[] stateBar, double[] hyperBar) {
        compiled.stepAdjoint(t, state, h, nextBar, stateBar, hyperBar);
    }

    @Override
    public void initAdjoint(double[] h, double[] state0Bar, double[] hyperBar) {
        compiled.initAdjoint(h, state0Bar, hyperBar);
    }

    @Override
    public double outerLoss(double[] state, double[] h) {
        return compiled.outerLoss(state, h);
    }

    @Override
    public void outerLossGradient(double[] state, double[] h, double[] stateBar, double[] hyperBar) {
        compiled.outerLossGradient(state, h, stateBar, hyperBar);
    }
}
