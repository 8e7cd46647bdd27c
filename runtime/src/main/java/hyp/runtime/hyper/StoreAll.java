package hyp.runtime.hyper;

/**
 * Unrolled reverse mode that stores every state s_0 … s_{T−1}: T forward steps, T adjoint steps, T stored
 * states. The reference the other strategies are checked against.
 */
public final class StoreAll implements HypergradientStrategy {
    @Override
    public Hypergradient compute(Dynamics d, int steps, double[] hyper, double[] finalState) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        int n = d.stateSize();
        Vectors.requireLength(hyper, d.hyperSize(), "hyper");
        double[][] states = new double[steps + 1][];
        states[0] = new double[n];
        d.init(hyper, states[0]);
        for (int t = 0; t < steps; t++) {
            states[t + 1] = new double[n];
            d.step(t, states[t], hyper, states[t + 1]);
        }
        double[] last = states[steps];
        Vectors.requireFinite(last, "s_" + steps, "StoreAll forward sweep");
        if (finalState != null) System.arraycopy(last, 0, finalState, 0, n);

        double[] hyperBar = new double[d.hyperSize()];
        double[] bar = new double[n];
        double[] barPrev = new double[n];
        double value = d.outerLoss(last, hyper);
        Vectors.requireFinite(value, "outer loss", "StoreAll");
        d.outerLossGradient(last, hyper, bar, hyperBar);
        for (int t = steps - 1; t >= 0; t--) {
            d.stepAdjoint(t, states[t], hyper, bar, barPrev, hyperBar);
            double[] swap = bar;
            bar = barPrev;
            barPrev = swap;
            states[t + 1] = null; // s_{t+1} is no longer needed; let it go early
        }
        d.initAdjoint(hyper, bar, hyperBar);
        Vectors.requireFinite(hyperBar, "hypergradient", "StoreAll reverse sweep");
        // s_T is only read for the outer loss; the reverse sweep needs s_0 … s_{T−1}.
        return new Hypergradient(value, hyperBar, Memory.ofStates(steps, n), Work.ofSteps(steps, steps));
    }
}
