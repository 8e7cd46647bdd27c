package hyp.compiler.lower;

import static hyp.compiler.testing.LossDerivatives.assertClose;

import hyp.compiler.ir.Function;
import hyp.compiler.testing.Compiled;
import hyp.compiler.testing.LossDerivatives;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code map(f, X, ...)} lowered by batching equals the same loss written as a for loop over the rows (compiled as a
 * loop, one row per trip): values, gradients in every input (data included) and Hessian-vector products to 1e-12,
 * for a two-layer net with a softmax cross-entropy, a logistic loss with per-row means and norms, a small
 * convolutional net (conv2d, avgpool2, reshape and flatten per row) and a tensor-valued map. The batched Hessian-vector product is also checked against central
 * differences of the batched gradient.
 */
class BatchingTest {
    private static final int ROWS = 5;

    private static final String SOURCE = """
            data X: real[n, 4]
            data Y: real[n, 3]
            data P: real[n, 36]
            param W: real[5, 4] = randn(0.5)
            param c: real[5] = 0.1
            param V: real[3, 5] = randn(0.5)
            param w: real[4] = 0.2
            param F: real[2, 1, 3, 3] = randn(0.3)
            param U: real[3, 8] = randn(0.3)
            hyper r: real = -1

            def logits(x: real[4]) -> real[3] = V @ tanh(W @ x + c)
            def nll(x: real[4], y: real[3]) = logsumexp(logits(x)) - y @ logits(x)
            def logistic(x: real[4], y: real[3]) = softplus(-(2 * y[0] - 1) * (x @ w)) + exp(r) * mean(x^2) / norm(x) + 0.1 * (w @ x)^2
            def convnet(p: real[36], y: real[3]) -> real {
                h = avgpool2(sigmoid(conv2d(reshape(p, 1, 6, 6), F) + 0.5))
                z = U @ flatten(h) + sum(c)
                return logsumexp(z) - y @ z
            }

            def mlp_batched() = mean(map(nll, X, Y)) + 0.5 * sum(W^2)
            def mlp_looped() -> real {
                s = 0.0
                for i in 0..n { s = s + nll(X[i], Y[i]) }
                return s / n + 0.5 * sum(W^2)
            }
            def logistic_batched() = sum(map(logistic, X, Y))
            def logistic_looped() -> real {
                s = 0.0
                for i in 0..n { s = s + logistic(X[i], Y[i]) }
                return s
            }
            def convnet_batched() = mean(map(convnet, P, Y))
            def convnet_looped() -> real {
                s = 0.0
                for i in 0..n { s = s + convnet(P[i], Y[i]) }
                return s / n
            }
            def scores_batched() = sum(tanh(map(logits, X)) * Y)
            def scores_looped() -> real {
                s = 0.0
                for i in 0..n { s = s + sum(tanh(logits(X[i])) * Y[i]) }
                return s
            }
            """;

    /** The looped defs compiled as loops: the reduction-loop pass would otherwise batch them too. */
    private static final LossDerivatives LOOPS = new LossDerivatives(Compiled.keepingLoops(SOURCE));

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "logistic", "convnet", "scores"})
    void batchedEqualsLoopedInValueGradientAndHessianVector(String loss) {
        String batched = loss + "_batched", looped = loss + "_looped";
        Random rnd = new Random(loss.hashCode());
        Map<String, Object> at = new HashMap<>(), dir = new HashMap<>();
        for (String f : List.of(batched, looped)) {
            LossDerivatives.randomInputs(LOOPS.function(f), at, rnd, 0.8, ROWS);
            LossDerivatives.randomInputs(LOOPS.function(f), dir, rnd, 1.0, ROWS);
        }
        Map<String, Object> gb = LOOPS.gradient(batched, at), gl = LOOPS.gradient(looped, at);
        assertClose(gl.get(""), gb.get(""), 1e-12, loss + " value");
        for (String name : gl.keySet()) assertClose(gl.get(name), gb.get(name), 1e-12, loss + " gradient in " + name);

        Map<String, Object> hb = LOOPS.hessianVector(batched, at, dir), hl = LOOPS.hessianVector(looped, at, dir);
        for (String name : hl.keySet()) assertClose(hl.get(name), hb.get(name), 1e-12, loss + " Hessian-vector in " + name);

        // Central differences of the batched gradient along the same direction.
        double h = 1e-5;
        Map<String, Object> plus = LOOPS.gradient(batched, LossDerivatives.shifted(at, dir, h));
        Map<String, Object> minus = LOOPS.gradient(batched, LossDerivatives.shifted(at, dir, -h));
        for (String name : hb.keySet()) {
            Object fd = LossDerivatives.combine(plus.get(name), minus.get(name), 1 / (2 * h), -1 / (2 * h));
            assertClose(fd, hb.get(name), 1e-6, loss + " Hessian-vector in " + name + " against central differences");
        }
    }
}
