package hyp.runtime.hyper;

/**
 * Adam on λ (Kingma and Ba), with bias-corrected moments: step sizes of about η per coordinate, whatever
 * the scale of the hypergradient — the usual choice because hypergradients vary over orders of magnitude.
 */
public final class AdamUpdate implements OuterUpdate {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m;
    private double[] v;
    private int t;

    public AdamUpdate(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AdamUpdate(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    @Override
    public void apply(double[] hyper, double[] gradient) {
        Vectors.requireLength(gradient, hyper.length, "gradient");
        if (m == null) {
            m = new double[hyper.length];
            v = new double[hyper.length];
        }
        Vectors.requireLength(m, hyper.length, "hyper (differs from the first call)");
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < hyper.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            hyper[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }
}
