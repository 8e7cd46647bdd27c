package hyp.runtime.hyper;

/** A way to differentiate L_te(w(s_T), λ) through T steps of {@link Dynamics} with respect to λ. */
public interface HypergradientStrategy {
    /**
     * Runs s_0 = init(λ), T steps, and returns L_te(s_T) with its gradient in λ.
     *
     * @param finalState if not null, receives s_T (lets a tuner carry the inner state forward)
     */
    Hypergradient compute(Dynamics dynamics, int steps, double[] hyper, double[] finalState);

    /** {@link #compute(Dynamics, int, double[], double[])} without returning s_T. */
    default Hypergradient compute(Dynamics dynamics, int steps, double[] hyper) {
        return compute(dynamics, steps, hyper, null);
    }
}
