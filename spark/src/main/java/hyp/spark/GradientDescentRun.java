package hyp.spark;

import hyp.runtime.data.Minibatches;
import hyp.runtime.hyper.Dynamics;

/**
 * Gradient descent w_{t+1} = w_t − lr·∇L_tr(w_t, λ) run on the driver with the distributed gradient, as
 * {@link Dynamics} for the runtime's unrolled, tree and binomial strategies: each forward step is one
 * aggregation, each adjoint step two (H·w̄ and the mixed product), so a hypergradient through T steps runs
 * about 3T jobs with store-all (more with checkpointing, which recomputes steps). With minibatches, step t reads
 * the rows {@link Minibatches#rows(int)} gives, the rule the single-machine run follows.
 */
final class GradientDescentRun implements Dynamics {
    private final DistributedLoss loss;
    private final double[] start;
    private final double lr;
    private final Minibatches batches;
    private final double[] buffer;

    GradientDescentRun(DistributedLoss loss, double[] start, double lr, Minibatches batches) {
        this.loss = loss;
        this.start = start.clone();
        this.lr = lr;
        this.batches = batches;
        this.buffer = new double[start.length];
    }

    private int[] batch(int t) {
        return batches == null || batches.whole() ? null : batches.rows(t);
    }

    @Override
    public int stateSize() {
        return start.length;
    }

    @Override
    public int hyperSize() {
        return loss.hyperSize();
    }

    @Override
    public void init(double[] hyper, double[] state0) {
        System.arraycopy(start, 0, state0, 0, start.length);
    }

    @Override
    public void step(int t, double[] state, double[] hyper, double[] next) {
        loss.valueAndGradient(state, hyper, batch(t), buffer);
        for (int i = 0; i < next.length; i++) next[i] = state[i] - lr * buffer[i];
    }

    @Override
    public void stepAdjoint(int t, double[] state, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar) {
        int[] b = batch(t);
        loss.hessianVector(state, hyper, nextBar, b, buffer);
        for (int i = 0; i < stateBar.length; i++) stateBar[i] = nextBar[i] - lr * buffer[i];
        double[] mixed = new double[hyperBar.length];
        loss.mixedVjp(state, hyper, nextBar, b, mixed);
        for (int i = 0; i < hyperBar.length; i++) hyperBar[i] -= lr * mixed[i];
    }

    @Override
    public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {}

    @Override
    public double outerLoss(double[] state, double[] hyper) {
        return loss.outerLoss(state, hyper);
    }

    @Override
    public void outerLossGradient(double[] state, double[] hyper, double[] stateBar, double[] hyperBar) {
        double[] h = new double[hyperBar.length];
        loss.outerGradient(state, hyper, stateBar, h);
        for (int i = 0; i < h.length; i++) hyperBar[i] += h[i];
    }
}
