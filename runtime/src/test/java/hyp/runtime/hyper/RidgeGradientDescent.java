package hyp.runtime.hyper;

/** Gradient descent w ← w − α ∇_w L_tr(w, λ) on {@link RidgeProblem}; state = w, w_0 fixed. */
final class RidgeGradientDescent implements Dynamics {
    private final RidgeProblem p;
    private final double alpha;
    private final double[] w0;
    private final double[] scratch;
    private final double[] hv;

    RidgeGradientDescent(RidgeProblem p, double alpha, double[] w0) {
        this.p = p;
        this.alpha = alpha;
        this.w0 = w0.clone();
        this.scratch = new double[p.n];
        this.hv = new double[p.d];
    }

    @Override public int stateSize() { return p.d; }
    @Override public int hyperSize() { return p.d; }

    @Override
    public void init(double[] hyper, double[] state0) {
        System.arraycopy(w0, 0, state0, 0, p.d);
    }

    @Override
    public void step(int t, double[] w, double[] hyper, double[] next) {
        p.trainGradient(w, hyper, scratch, hv);
        for (int j = 0; j < p.d; j++) next[j] = w[j] - alpha * hv[j];
    }

    /** w' = w − α(XᵀX w − Xᵀy + e^λ⊙w): w̄ = w̄' − α H w̄',  λ̄_i += −α e^{λ_i} w_i w̄'_i. */
    @Override
    public void stepAdjoint(int t, double[] w, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar) {
        p.hessianVector(hyper, nextBar, scratch, hv);
        for (int j = 0; j < p.d; j++) {
            stateBar[j] = nextBar[j] - alpha * hv[j];
            hyperBar[j] -= alpha * Math.exp(hyper[j]) * w[j] * nextBar[j];
        }
    }

    @Override
    public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {}

    @Override
    public double outerLoss(double[] w, double[] hyper) {
        return p.validationLoss(w, hyper);
    }

    @Override
    public void outerLossGradient(double[] w, double[] hyper, double[] stateBar, double[] hyperBar) {
        p.validationGradient(w, stateBar);
        for (int j = 0; j < p.d; j++) hyperBar[j] += p.kappa * hyper[j];
    }
}
