package hyp.runtime.hyper;

/** {@link RidgeProblem} as an {@link InnerObjective}: the mixed derivative is ∂(∇_w L_tr)_j/∂λ_i = δ_ij e^{λ_i} w_i. */
final class RidgeObjective implements InnerObjective {
    private final RidgeProblem p;
    private final double[] scratch;

    RidgeObjective(RidgeProblem p) {
        this.p = p;
        this.scratch = new double[p.n];
    }

    @Override public int paramSize() { return p.d; }
    @Override public int hyperSize() { return p.d; }

    @Override
    public void gradW(double[] w, double[] hyper, double[] out) {
        p.trainGradient(w, hyper, scratch, out);
    }

    @Override
    public void hessianVector(double[] w, double[] hyper, double[] v, double[] out) {
        p.hessianVector(hyper, v, scratch, out);
    }

    @Override
    public void mixedVjp(double[] w, double[] hyper, double[] x, double[] hyperBar) {
        for (int i = 0; i < p.d; i++) hyperBar[i] += Math.exp(hyper[i]) * w[i] * x[i];
    }

    @Override
    public double outerLoss(double[] w, double[] hyper) {
        return p.validationLoss(w, hyper);
    }

    @Override
    public void outerGradient(double[] w, double[] hyper, double[] wBar, double[] hyperBar) {
        p.validationGradient(w, wBar);
        for (int i = 0; i < p.d; i++) hyperBar[i] = p.kappa * hyper[i];
    }
}
