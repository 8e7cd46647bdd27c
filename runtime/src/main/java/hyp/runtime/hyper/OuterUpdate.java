package hyp.runtime.hyper;

/**
 * An update rule for the hyperparameters from their hypergradient: λ ← update(λ, ∇_λ). Implementations
 * may keep state (moments); one instance drives one tuning run.
 */
public interface OuterUpdate {
    /** Updates {@code hyper} in place from {@code gradient}. */
    void apply(double[] hyper, double[] gradient);
}
