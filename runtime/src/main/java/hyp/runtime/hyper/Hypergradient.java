package hyp.runtime.hyper;

/**
 * The result of a hypergradient computation.
 *
 * @param value    the outer loss L_te at the end of the run (or at w*)
 * @param gradient dL_te/dλ, one entry per hyperparameter
 * @param memory   peak stored states
 * @param work     steps, Hessian-vector products and CG iterations spent
 */
public record Hypergradient(double value, double[] gradient, Memory memory, Work work) {
    /** Euclidean norm of the gradient. */
    public double gradientNorm() {
        return Vectors.norm(gradient);
    }
}
