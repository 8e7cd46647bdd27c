package hyp.runtime.reverse;

import hyp.runtime.Tensor;
import hyp.runtime.exact.Rational;
import hyp.runtime.train.Layout;
import java.util.List;
import java.util.Random;

/**
 * Hand-written update sequences on the quadratic L(w) = ½ wᵀ(A + diag(e^λ))w − bᵀw, with A symmetric positive
 * semi-definite and coupled: momentum, the seed's Adam, plain gradient descent (an implicit update) and an
 * until rule that holds at a chosen step. Independent of the compiler.
 */
final class Quadratic {
    final int n;
    final double[][] a;
    final double[] b;

    Quadratic(int n, long seed) {
        this.n = n;
        Random rnd = new Random(seed);
        double[][] m = new double[n][n];
        for (double[] row : m) for (int j = 0; j < n; j++) row[j] = rnd.nextGaussian() / Math.sqrt(n);
        a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) a[i][j] += m[k][i] * m[k][j];
        b = new double[n];
        for (int i = 0; i < n; i++) b[i] = rnd.nextGaussian();
    }

    /** ∇L at w (the first n entries of {@code state}) for hyperparameters λ. */
    double[] gradient(double[] state, double[] lambda) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double s = -b[i] + Math.exp(lambda[i]) * state[i];
            for (int j = 0; j < n; j++) s += a[i][j] * state[j];
            g[i] = s;
        }
        return g;
    }

    Layout layout(String... names) {
        return new Layout(List.of(names), java.util.Arrays.stream(names).map(x -> x.equals("stopped") ? new int[0] : new int[] {n}).toList());
    }

    /** v = beta·v − lr·∇L(w); w = w + v. */
    UpdateSequence momentum(double lr, String beta) {
        Layout l = layout("w", "v");
        UpdateGroup v = new UpdateGroup(List.of(new Update(1, "v", Rational.of(beta), -1, false)),
                (s, h, t) -> new Object[] {tensor(scale(lr, gradient(s, h)))}, false);
        UpdateGroup w = new UpdateGroup(List.of(new Update(0, "w", Rational.of(1, 1), 1, false)),
                (s, h, t) -> new Object[] {tensor(java.util.Arrays.copyOfRange(s, n, 2 * n))}, false);
        return new UpdateSequence(l, 2, List.of(v, w), null, false);
    }

    /** The seed's Adam: w = w − lr·m/(√v + eps); g = ∇L(w); m = 0.9m + 0.1g; v = 0.999v + 0.001g². */
    UpdateSequence adam(double lr, double eps) {
        Layout l = layout("w", "m", "v");
        UpdateGroup w = new UpdateGroup(List.of(new Update(0, "w", Rational.of(1, 1), -1, false)), (s, h, t) -> {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) f[i] = lr * s[n + i] / (Math.sqrt(s[2 * n + i]) + eps);
            return new Object[] {tensor(f)};
        }, false);
        UpdateGroup mv = new UpdateGroup(List.of(new Update(1, "m", Rational.of("0.9"), 1, false),
                new Update(2, "v", Rational.of("0.999"), 1, false)), (s, h, t) -> {
            double[] g = gradient(s, h), g2 = new double[n];
            for (int i = 0; i < n; i++) g2[i] = 0.001 * g[i] * g[i];
            return new Object[] {tensor(scale(0.1, g)), tensor(g2)};
        }, false);
        return new UpdateSequence(l, 3, List.of(w, mv), null, false);
    }

    /** w = w − lr·∇L(w): the increment reads w, so the inverse has to solve for it. */
    UpdateSequence gradientDescent(double lr) {
        UpdateGroup w = new UpdateGroup(List.of(new Update(0, "w", Rational.of(1, 1), -1, true)),
                (s, h, t) -> new Object[] {tensor(scale(lr, gradient(s, h)))}, false);
        return new UpdateSequence(layout("w"), 1, List.of(w), null, false);
    }

    /** Momentum whose until rule holds once the step number reaches {@code stopStep}. */
    UpdateSequence momentumUntil(double lr, int stopStep) {
        UpdateSequence m = momentum(lr, "0.9");
        return new UpdateSequence(layout("w", "v", "stopped"), 2, m.groups(), (s, h, t) -> new Object[] {t >= stopStep}, true);
    }

    static Tensor tensor(double[] v) {
        return new Tensor(v, v.length);
    }

    static double[] scale(double c, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = c * v[i];
        return out;
    }
}
