package hyp.runtime.hyper;

/**
 * A {@link Dynamics} that starts from a given state instead of init(λ), with its step counter shifted by
 * {@code firstStep}: the view a greedy tuner takes of the next k steps of a run already under way. The
 * start state is treated as a constant, so {@link #initAdjoint} adds nothing — that is what makes the
 * greedy hypergradient greedy.
 */
public final class WarmStart implements Dynamics {
    private final Dynamics base;
    private final double[] start;
    private final int firstStep;

    /** @param start the state to start from (read at each {@link #init}; the caller may update it between runs) */
    public WarmStart(Dynamics base, double[] start, int firstStep) {
        Vectors.requireLength(start, base.stateSize(), "start state");
        this.base = base;
        this.start = start;
        this.firstStep = firstStep;
    }

    @Override public int stateSize() { return base.stateSize(); }
    @Override public int hyperSize() { return base.hyperSize(); }
    @Override public int firstStep() { return base.firstStep() + firstStep; }

    @Override
    public void init(double[] hyper, double[] state0) {
        System.arraycopy(start, 0, state0, 0, start.length);
    }

    @Override
    public void step(int t, double[] state, double[] hyper, double[] next) {
        base.step(firstStep + t, state, hyper, next);
    }

    @Override
    public void stepAdjoint(int t, double[] state, double[] hyper, double[] nextBar, double[] stateBar,
                            double[] hyperBar) {
        base.stepAdjoint(firstStep + t, state, hyper, nextBar, stateBar, hyperBar);
    }

    @Override
    public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {
        // the start state does not depend on λ
    }

    @Override
    public double outerLoss(double[] state, double[] hyper) {
        return base.outerLoss(state, hyper);
    }

    @Override
    public void outerLossGradient(double[] state, double[] hyper, double[] stateBar, double[] hyperBar) {
        base.outerLossGradient(state, hyper, stateBar, hyperBar);
    }
}
