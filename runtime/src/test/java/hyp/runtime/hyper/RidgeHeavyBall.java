package hyp.runtime.hyper;

import java.util.Arrays;

/**
 * Heavy-ball momentum on {@link RidgeProblem}: v' = βv − α∇_w L_tr(w, λ), w' = w + v'; state = (w, v).
 * It starts with v_0 = −α∇_w L_tr(w_0, λ), so s_0 depends on λ and {@link #initAdjoint} has work to do.
 */
final class RidgeHeavyBall implements Dynamics {
    private final RidgeProblem p;
    private final double alpha;
    private final double beta;
    private final double[] w0;
    private final double[] scratch;
    private final double[] g;
    private final double[] q;

    RidgeHeavyBall(RidgeProblem p, double alpha, double beta, double[] w0) {
        this.p = p;
        this.alpha = alpha;
        this.beta = beta;
        this.w0 = w0.clone();
        this.scratch = new double[p.n];
        this.g = new double[p.d];
        this.q = new double[p.d];
    }

    @Override public int stateSize() { return 2 * p.d; }
    @Override public int hyperSize() { return p.d; }

    @Override
    public void init(double[] hyper, double[] state0) {
        p.trainGradient(w0, hyper, scratch, g);
        for (int j = 0; j < p.d; j++) {
            state0[j] = w0[j];
            state0[p.d + j] = -alpha * g[j];
        }
    }

    @Override
    public void step(int t, double[] s, double[] hyper, double[] next) {
        p.trainGradient(s, hyper, scratch, g);   // reads s[0..d) = w
        int d = p.d;
        for (int j = 0; j < d; j++) {
            double v = beta * s[d + j] - alpha * g[j];
            next[d + j] = v;
            next[j] = s[j] + v;
        }
    }

    /** With q = w̄' + v̄' the adjoint of v': w̄ = w̄' − αHq, v̄ = βq, λ̄_i += −α e^{λ_i} w_i q_i. */
    @Override
    public void stepAdjoint(int t, double[] s, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar) {
        int d = p.d;
        for (int j = 0; j < d; j++) q[j] = nextBar[j] + nextBar[d + j];
        p.hessianVector(hyper, q, scratch, g);
        for (int j = 0; j < d; j++) {
            stateBar[j] = nextBar[j] - alpha * g[j];
            stateBar[d + j] = beta * q[j];
            hyperBar[j] -= alpha * Math.exp(hyper[j]) * s[j] * q[j];
        }
    }

    /** v_0 = −α(Xᵀ(Xw_0 − y) + e^λ⊙w_0): λ̄_i += −α e^{λ_i} w0_i v̄0_i. */
    @Override
    public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {
        for (int j = 0; j < p.d; j++) hyperBar[j] -= alpha * Math.exp(hyper[j]) * w0[j] * state0Bar[p.d + j];
    }

    @Override
    public double outerLoss(double[] s, double[] hyper) {
        return p.validationLoss(Arrays.copyOf(s, p.d), hyper);
    }

    @Override
    public void outerLossGradient(double[] s, double[] hyper, double[] stateBar, double[] hyperBar) {
        double[] wBar = new double[p.d];
        p.validationGradient(Arrays.copyOf(s, p.d), wBar);
        Arrays.fill(stateBar, 0);
        System.arraycopy(wBar, 0, stateBar, 0, p.d);
        for (int j = 0; j < p.d; j++) hyperBar[j] += p.kappa * hyper[j];
    }
}
