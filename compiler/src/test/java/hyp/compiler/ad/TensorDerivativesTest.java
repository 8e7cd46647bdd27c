package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.testing.Compiled;
import hyp.runtime.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradients and Hessian-vector products of tensor code against central differences, entry by entry. */
class TensorDerivativesTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -1
            def loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def mixed(w, X) = logsumexp(X @ w) + norm(w) * max(X @ w) + sum(transpose(X) @ (X @ w)) / size(w)
                + sum(outer(w, w) @ w) + (w @ w) + sum(tanh(X)[0]) + sum(X[:, 1]) + X[1, 0] * w[0] + sum(w[0:2] * [1, 2])
            def loopy(w, X) -> real {
                s = 0.0
                for i in 0..n {
                    r = X[i] @ w
                    if r > 0 { s = s + r * r } else { s = s - 0.5 * r }
                }
                return s + sum(zeros(d) + fill(2.0, d) * w)
            }
            """;

    private static final Compiled C = new Compiled(SOURCE);
    private static final Random RND = new Random(42);

    private static Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = RND.nextGaussian();
        return t;
    }

    /** Central difference of a def along entry k of argument a. */
    private static double difference(String def, Object[] args, int a, int k) {
        double h = 1e-6;
        Object[] plus = args.clone(), minus = args.clone();
        Tensor t = (Tensor) args[a];
        Tensor tp = t.copy(), tm = t.copy();
        tp.data[k] += h;
        tm.data[k] -= h;
        plus[a] = tp;
        minus[a] = tm;
        return ((double) C.value(def, plus) - (double) C.value(def, minus)) / (2 * h);
    }

    private static void checkGradient(String def, Object[] args, int... tensorArgs) {
        Object[] r = C.adjoint(def, args);
        for (int g = 0; g < tensorArgs.length; g++) {
            int a = tensorArgs[g];
            Tensor grad = (Tensor) r[1 + g];
            for (int k = 0; k < grad.data.length; k++) {
                double fd = difference(def, args, a, k);
                assertEquals(fd, grad.data[k], 1e-6 * (1 + Math.abs(fd)), def + ": d/d(arg " + a + ")[" + k + "]");
            }
        }
    }

    @Test
    void logisticLossGradientsInWeightsAndHyperparameters() {
        for (int trial = 0; trial < 5; trial++) {
            Tensor w = random(4), rho = random(4), x = random(7, 4), y = random(7);
            checkGradient("loss", new Object[] {w, rho, x, y}, 0, 1, 2, 3);
        }
    }

    @Test
    void reductionsProductsAndIndexing() {
        for (int trial = 0; trial < 5; trial++) {
            Tensor w = random(3), x = random(5, 3);
            checkGradient("mixed", new Object[] {w, x}, 0, 1);
        }
    }

    @Test
    void loopsOverRowsWithBranches() {
        for (int trial = 0; trial < 5; trial++) {
            Tensor w = random(3), x = random(6, 3);
            checkGradient("loopy", new Object[] {w, x}, 0, 1);
        }
    }

    @Test
    void hessianVectorProductOfTheLossMatchesDifferencesOfItsGradient() {
        Tensor w = random(4), rho = random(4), x = random(7, 4), y = random(7);
        Tensor v = random(4);
        Tensor zero4 = Tensor.zeros(4), zero74 = Tensor.zeros(7, 4), zero7 = Tensor.zeros(7);
        // (w, rho, X, y, bar, dw, drho, dX, dy, dbar) -> (f, wbar, rhobar, Xbar, ybar, df, dwbar, ...)
        Object[] r = C.hessianVector("loss", w, rho, x, y, 1.0, v, zero4, zero74, zero7, 0.0);
        Tensor hv = (Tensor) r[6];
        double h = 1e-5;
        Tensor wp = w.copy(), wm = w.copy();
        for (int i = 0; i < 4; i++) {
            wp.data[i] += h * v.data[i];
            wm.data[i] -= h * v.data[i];
        }
        Tensor gp = (Tensor) C.adjoint("loss", wp, rho, x, y)[1];
        Tensor gm = (Tensor) C.adjoint("loss", wm, rho, x, y)[1];
        for (int i = 0; i < 4; i++) {
            double fd = (gp.data[i] - gm.data[i]) / (2 * h);
            assertEquals(fd, hv.data[i], 1e-6 * (1 + Math.abs(fd)), "(H v)[" + i + "]");
        }
    }
}
