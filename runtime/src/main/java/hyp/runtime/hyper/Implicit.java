package hyp.runtime.hyper;

/**
 * Implicit differentiation at an (approximate) inner optimum w*, where ∇_w L_tr(w*, λ) = 0:
 *
 * <pre>
 *   (H + μI) x = ∇_w L_te        H = ∂²L_tr/∂w∂w, solved by CG on Hessian-vector products
 *   ∇_λ = −(∂²L_tr/∂λ∂w)·x + ∇_λ L_te          (all at (w*, λ))
 * </pre>
 *
 * <p>Memory O(1) in the run length. The result is only as good as w*: the formula assumes stationarity.
 * A CG solve that stops for any reason other than convergence throws a {@link HypergradientException}
 * carrying the CG report (status, iterations, residual) rather than returning a wrong gradient.
 */
public final class Implicit {
    /**
     * @param tolerance     relative residual ‖b − (H+μI)x‖/‖b‖ at which CG stops
     * @param maxIterations CG iteration cap
     * @param damping       μ ≥ 0 added to the Hessian's diagonal
     */
    public record Options(double tolerance, int maxIterations, double damping) {
        public Options {
            if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
            if (maxIterations < 0) throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
            if (!(damping >= 0)) throw new IllegalArgumentException("damping must be >= 0, got " + damping);
        }

        /** Tolerance 1e-10, at most 1000 iterations, no damping. */
        public static Options defaults() {
            return new Options(1e-10, 1000, 0);
        }
    }

    private final Options options;
    private ConjugateGradient cg;
    private CgResult lastSolve;

    public Implicit(Options options) {
        this.options = options;
    }

    public Implicit() {
        this(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** The report of the most recent CG solve, or null before the first. */
    public CgResult lastSolve() {
        return lastSolve;
    }

    /** The hypergradient at {@code w} (taken as w*) and λ. */
    public Hypergradient compute(InnerObjective f, double[] w, double[] hyper) {
        int n = f.paramSize();
        Vectors.requireLength(w, n, "w");
        Vectors.requireLength(hyper, f.hyperSize(), "hyper");
        Vectors.requireFinite(w, "w*", "Implicit");
        double value = f.outerLoss(w, hyper);
        Vectors.requireFinite(value, "outer loss", "Implicit");
        double[] wBar = new double[n];
        double[] hyperBar = new double[f.hyperSize()];
        f.outerGradient(w, hyper, wBar, hyperBar);
        Vectors.requireFinite(wBar, "∇_w L_te", "Implicit");

        if (cg == null || cg.size() != n) cg = new ConjugateGradient(n);
        double mu = options.damping();
        LinearOperator h = (v, out) -> {
            f.hessianVector(w, hyper, v, out);
            if (mu != 0) for (int i = 0; i < n; i++) out[i] += mu * v[i];
        };
        double[] x = new double[n];
        lastSolve = cg.solve(h, wBar, x, options.tolerance(), options.maxIterations());
        if (!lastSolve.converged()) {
            throw new HypergradientException("Implicit: solving (H + " + mu + "·I) x = ∇_w L_te: "
                    + lastSolve.describe() + " (tolerance " + options.tolerance() + ", cap " + options.maxIterations() + ")");
        }
        for (int i = 0; i < n; i++) x[i] = -x[i];
        f.mixedVjp(w, hyper, x, hyperBar);
        Vectors.requireFinite(hyperBar, "hypergradient", "Implicit");
        Work work = new Work(0, 0, lastSolve.operatorApplications(), lastSolve.iterations());
        return new Hypergradient(value, hyperBar, Memory.NONE, work);
    }
}
