package hyp.runtime.reverse;

import hyp.runtime.hyper.Dynamics;

/**
 * Heavy ball on {@link Quadratic} as {@link Dynamics}, with its adjoint derived by hand: v' = βv − lr·∇L(w),
 * w' = w + v', from w = v = 0; outer loss ½‖w − c‖². The same arithmetic as {@link Quadratic#momentum}.
 */
final class MomentumDynamics implements Dynamics {
    private final Quadratic q;
    private final double lr, beta;
    private final double[] c;

    MomentumDynamics(Quadratic q, double lr, double beta, double[] c) {
        this.q = q;
        this.lr = lr;
        this.beta = beta;
        this.c = c;
    }

    @Override
    public int stateSize() {
        return 2 * q.n;
    }

    @Override
    public int hyperSize() {
        return q.n;
    }

    @Override
    public void init(double[] hyper, double[] state0) {
        java.util.Arrays.fill(state0, 0.0);
    }

    @Override
    public void step(int t, double[] s, double[] hyper, double[] next) {
        double[] g = q.gradient(s, hyper);
        for (int i = 0; i < q.n; i++) {
            double v = beta * s[q.n + i] + -(lr * g[i]);
            next[q.n + i] = v;
            next[i] = s[i] + v;
        }
    }

    @Override
    public void stepAdjoint(int t, double[] s, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar) {
        int n = q.n;
        double[] u = new double[n];   // the adjoint of v' (read by w' too)
        for (int i = 0; i < n; i++) u[i] = nextBar[n + i] + nextBar[i];
        for (int i = 0; i < n; i++) {
            double hu = Math.exp(hyper[i]) * u[i];
            for (int j = 0; j < n; j++) hu += q.a[j][i] * u[j];
            stateBar[i] = nextBar[i] - lr * hu;
            stateBar[n + i] = beta * u[i];
            hyperBar[i] += -lr * Math.exp(hyper[i]) * s[i] * u[i];
        }
    }

    @Override
    public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {
        // s_0 = 0 does not depend on λ
    }

    @Override
    public double outerLoss(double[] s, double[] hyper) {
        double sum = 0;
        for (int i = 0; i < q.n; i++) sum += 0.5 * (s[i] - c[i]) * (s[i] - c[i]);
        return sum;
    }

    @Override
    public void outerLossGradient(double[] s, double[] hyper, double[] stateBar, double[] hyperBar) {
        java.util.Arrays.fill(stateBar, 0.0);
        for (int i = 0; i < q.n; i++) stateBar[i] = s[i] - c[i];
    }
}
