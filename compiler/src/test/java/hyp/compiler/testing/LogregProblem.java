package hyp.compiler.testing;

import hyp.runtime.Tensor;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The logistic-regression problem most hypergradient tests run on (the logreg example's, with per-feature L2
 * weights rho): its declarations, to which a test appends its optimizer, train and tune lines, and seeded data.
 */
public final class LogregProblem {
    /** data, param, hyper and the two losses; no optimizer, train or tune statement. */
    public static final String DECLARATIONS = """
            data X: real[n, d]
            data y: real[n]
            data Xv: real[m, d]
            data yv: real[m]
            param w: real[d] = 0
            hyper rho: real[d] = -2
            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def valid_loss(w) = mean(softplus(-yv * (Xv @ w)))
            """;

    private LogregProblem() {}

    /** {@link #DECLARATIONS} then {@code train w on train_loss by OPTIMIZER for T steps} and a 10-round tune. */
    public static String trainedBy(String optimizer, int steps) {
        return DECLARATIONS + "train w on train_loss by " + optimizer + " for " + steps + " steps\n"
                + "tune rho on valid_loss by adam(lr = 0.1) for 10 rounds\n";
    }

    /** Gaussian features, ±1 labels, w = 0 and rho near -2, from {@code seed}: n training rows, m validation rows. */
    public static Map<String, Object> data(long seed, int n, int m, int d) {
        Random rnd = new Random(seed);
        Map<String, Object> v = new HashMap<>();
        v.put("X", gaussian(rnd, n, d));
        v.put("Xv", gaussian(rnd, m, d));
        v.put("y", labels(rnd, n));
        v.put("yv", labels(rnd, m));
        v.put("w", Tensor.zeros(d));
        Tensor rho = Tensor.fill(-2.0, d);
        for (int i = 0; i < d; i++) rho.data[i] += 0.3 * rnd.nextGaussian();
        v.put("rho", rho);
        return v;
    }

    private static Tensor gaussian(Random rnd, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = rnd.nextGaussian();
        return t;
    }

    private static Tensor labels(Random rnd, int n) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) t.data[i] = rnd.nextBoolean() ? 1 : -1;
        return t;
    }
}
