package hyp.runtime.hyper;

/** Plain gradient descent on λ: λ ← λ − η ∇_λ. */
public final class SgdUpdate implements OuterUpdate {
    private final double learningRate;

    public SgdUpdate(double learningRate) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public void apply(double[] hyper, double[] gradient) {
        Vectors.requireLength(gradient, hyper.length, "gradient");
        for (int i = 0; i < hyper.length; i++) hyper[i] -= learningRate * gradient[i];
    }
}
