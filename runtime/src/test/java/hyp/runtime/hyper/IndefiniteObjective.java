package hyp.runtime.hyper;

/**
 * L_tr(w, λ) = ½ wᵀDw + λᵀw with D = diag(1, −2): a saddle, w*(λ) = −D⁻¹λ, Hessian indefinite.
 * L_te(w) = ½‖w − c‖², so dL_te/dλ = −D⁻¹(w* − c) in closed form.
 */
class IndefiniteObjective implements InnerObjective {
    static final double[] D = {1, -2};
    static final double[] C = {0.9, -1.0};

    static double[] stationaryPoint(double[] lambda) {
        return new double[] {-lambda[0] / D[0], -lambda[1] / D[1]};
    }

    static double[] closedFormHypergradient(double[] lambda) {
        double[] w = stationaryPoint(lambda);
        return new double[] {-(w[0] - C[0]) / D[0], -(w[1] - C[1]) / D[1]};
    }

    @Override public int paramSize() { return 2; }
    @Override public int hyperSize() { return 2; }

    @Override
    public void gradW(double[] w, double[] hyper, double[] out) {
        for (int i = 0; i < 2; i++) out[i] = D[i] * w[i] + hyper[i];
    }

    @Override
    public void hessianVector(double[] w, double[] hyper, double[] v, double[] out) {
        for (int i = 0; i < 2; i++) out[i] = D[i] * v[i];
    }

    @Override
    public void mixedVjp(double[] w, double[] hyper, double[] x, double[] hyperBar) {
        for (int i = 0; i < 2; i++) hyperBar[i] += x[i];
    }

    @Override
    public double outerLoss(double[] w, double[] hyper) {
        double a = w[0] - C[0];
        double b = w[1] - C[1];
        return 0.5 * (a * a + b * b);
    }

    @Override
    public void outerGradient(double[] w, double[] hyper, double[] wBar, double[] hyperBar) {
        for (int i = 0; i < 2; i++) {
            wBar[i] = w[i] - C[i];
            hyperBar[i] = 0;
        }
    }
}
