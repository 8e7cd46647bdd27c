package hyp.runtime.hyper;

/**
 * One optimizer run on the training loss: state s_t (the weights w followed by the optimizer's memory,
 * flattened) and hyperparameters λ.
 *
 * <pre>
 *   s_0 = init(λ),   s_{t+1} = Φ_t(s_t, λ),   value = L_te(w(s_T), λ)
 * </pre>
 *
 * <p>Adjoint methods receive the adjoint of their outputs and <em>write</em> the adjoint of the state
 * input, while they <em>add</em> λ's share into {@code hyperBar}: contributions from all steps accumulate
 * there. Input and output arrays are always distinct. Implementations must be deterministic — re-running
 * a step from the same state gives bit-identical results — because checkpointing strategies recompute
 * states and rely on getting the same numbers. They must not allocate in {@code step} or
 * {@code stepAdjoint}: those are called T log T times.
 */
public interface Dynamics {
    /** Length of the flattened state s_t. */
    int stateSize();

    /** Length of the hyperparameter vector λ. */
    int hyperSize();

    /** Writes s_0 = init(λ) into {@code state0}. */
    void init(double[] hyper, double[] state0);

    /** Writes s_{t+1} = Φ_t(s_t, λ) into {@code next}. */
    void step(int t, double[] state, double[] hyper, double[] next);

    /**
     * Vector-Jacobian product of {@link #step}: given s_t, λ and sBar_{t+1} = {@code nextBar}, writes
     * sBar_t = (∂Φ_t/∂s)ᵀ nextBar into {@code stateBar} and adds (∂Φ_t/∂λ)ᵀ nextBar into {@code hyperBar}.
     */
    void stepAdjoint(int t, double[] state, double[] hyper, double[] nextBar, double[] stateBar, double[] hyperBar);

    /** Adds (∂init/∂λ)ᵀ state0Bar into {@code hyperBar} (nothing when s_0 does not depend on λ). */
    void initAdjoint(double[] hyper, double[] state0Bar, double[] hyperBar);

    /** The outer (validation) loss L_te(w(s), λ) at a state. */
    double outerLoss(double[] state, double[] hyper);

    /** Gradient of {@link #outerLoss}: writes ∂L_te/∂s into {@code stateBar}, adds ∂L_te/∂λ into {@code hyperBar}. */
    void outerLossGradient(double[] state, double[] hyper, double[] stateBar, double[] hyperBar);

    /** s_T: init(λ), then {@code steps} steps (a step after the until rule held keeps the state). */
    default double[] run(double[] hyper, int steps) {
        double[] s = new double[stateSize()], next = new double[stateSize()];
        init(hyper, s);
        for (int t = 0; t < steps; t++) {
            step(t, s, hyper, next);
            double[] swap = s;
            s = next;
            next = swap;
        }
        return s;
    }

    /**
     * How many steps of the run came before this view's s_0 (a warm start's offset): step t here is step
     * firstStep + t of the run, which is what a step reading the step counter must see.
     */
    default int firstStep() {
        return 0;
    }
}
