package hyp.runtime.hyper;

/**
 * Central differences of the whole forward run, one λ_i at a time: for checking the other strategies.
 *
 * <p>Step: h_i = c·max(1, |λ_i|) with c = ∛ε ≈ 6·10⁻⁶ (ε the double epsilon) by default. The central
 * difference has truncation error O(h²) and rounding error O(ε/h); balancing them gives h ∝ ∛ε, and the
 * error is then O(ε^(2/3)) ≈ 10⁻¹⁰ relative to the scale of L_te's derivatives. The quotient divides by
 * the distance between the two doubles actually used, not by 2h.
 * Work: (2|λ| + 1)·T forward steps, no stored states.
 */
public final class NumericalHypergradient implements HypergradientStrategy {
    /** ∛ε for doubles. */
    public static final double DEFAULT_STEP_SCALE = Math.cbrt(Math.ulp(1.0));

    private final double stepScale;

    public NumericalHypergradient() {
        this(DEFAULT_STEP_SCALE);
    }

    /** @param stepScale c in h_i = c·max(1, |λ_i|) */
    public NumericalHypergradient(double stepScale) {
        if (!(stepScale > 0)) throw new IllegalArgumentException("step scale must be > 0, got " + stepScale);
        this.stepScale = stepScale;
    }

    @Override
    public Hypergradient compute(Dynamics d, int steps, double[] hyper, double[] finalState) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        Vectors.requireLength(hyper, d.hyperSize(), "hyper");
        int n = d.stateSize();
        double[] cur = new double[n];
        double[] next = new double[n];
        double[] shifted = hyper.clone();
        double value = run(d, steps, hyper, cur, next, finalState);
        double[] gradient = new double[hyper.length];
        for (int i = 0; i < hyper.length; i++) {
            double h = stepScale * Math.max(1.0, Math.abs(hyper[i]));
            double plus = hyper[i] + h;
            double minus = hyper[i] - h;
            shifted[i] = plus;
            double fPlus = run(d, steps, shifted, cur, next, null);
            shifted[i] = minus;
            double fMinus = run(d, steps, shifted, cur, next, null);
            shifted[i] = hyper[i];
            gradient[i] = (fPlus - fMinus) / (plus - minus);
        }
        Vectors.requireFinite(gradient, "hypergradient", "NumericalHypergradient");
        long forward = (2L * hyper.length + 1) * steps;
        return new Hypergradient(value, gradient, Memory.NONE, Work.ofSteps(forward, 0));
    }

    private static double run(Dynamics d, int steps, double[] hyper, double[] cur, double[] next, double[] out) {
        d.init(hyper, cur);
        for (int t = 0; t < steps; t++) {
            d.step(t, cur, hyper, next);
            double[] swap = cur;
            cur = next;
            next = swap;
        }
        if (out != null) System.arraycopy(cur, 0, out, 0, cur.length);
        double value = d.outerLoss(cur, hyper);
        Vectors.requireFinite(value, "outer loss", "NumericalHypergradient forward run");
        return value;
    }
}
