package hyp.runtime.hyper;

/**
 * s' = a·s + λ from s_0 = 0, L_te = ½ s_T²: s_T = λ(1 − a^T)/(1 − a), so dL/dλ = s_T (1 − a^T)/(1 − a).
 * One double of state: cheap enough to run ten thousand steps many times over.
 */
final class ScalarLinear implements Dynamics {
    private final double a;

    ScalarLinear(double a) {
        this.a = a;
    }

    double closedFormGradient(int steps, double lambda) {
        double sum = (1 - Math.pow(a, steps)) / (1 - a);
        return lambda * sum * sum;
    }

    @Override public int stateSize() { return 1; }
    @Override public int hyperSize() { return 1; }
    @Override public void init(double[] hyper, double[] state0) { state0[0] = 0; }
    @Override public void step(int t, double[] s, double[] hyper, double[] next) { next[0] = a * s[0] + hyper[0]; }

    @Override
    public void stepAdjoint(int t, double[] s, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar) {
        stateBar[0] = a * nextBar[0];
        hyperBar[0] += nextBar[0];
    }

    @Override public void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar) {}
    @Override public double outerLoss(double[] s, double[] hyper) { return 0.5 * s[0] * s[0]; }

    @Override
    public void outerLossGradient(double[] s, double[] hyper, double[] stateBar, double[] hyperBar) {
        stateBar[0] = s[0];
    }
}
