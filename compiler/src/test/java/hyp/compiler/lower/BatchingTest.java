package hyp.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Function;
import hyp.compiler.testing.Compiled;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code map(f, X, ...)} lowered by batching equals the same loss written as a for loop over the rows: values,
 * gradients in every input (data included) and Hessian-vector products to 1e-12, for a two-layer net with a softmax
 * cross-entropy, a logistic loss with per-row means and norms, a small convolutional net (conv2d, avgpool2, reshape
 * and flatten per row) and a tensor-valued map. The batched Hessian-vector product is also checked against central
 * differences of the batched gradient.
 */
class BatchingTest {
    private static final int ROWS = 5;

    private static final Compiled CODE = new Compiled("""
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
            """);

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "logistic", "convnet", "scores"})
    void batchedEqualsLoopedInValueGradientAndHessianVector(String loss) {
        Function batched = function(loss + "_batched"), looped = function(loss + "_looped");
        Random rnd = new Random(loss.hashCode());
        Map<String, Object> at = new HashMap<>(), dir = new HashMap<>();
        for (Function f : List.of(batched, looped)) {
            for (int i = 0; i < f.params().size(); i++) {
                String name = f.paramNames().get(i);
                Type t = f.params().get(i).type();
                at.computeIfAbsent(name, k -> random(t, rnd, 0.8));
                dir.computeIfAbsent(name, k -> random(t, rnd, 1.0));
            }
        }
        Map<String, Object> gb = gradient(batched, at), gl = gradient(looped, at);
        assertClose(gl.get(""), gb.get(""), 1e-12, loss + " value");
        for (String name : gl.keySet()) assertClose(gl.get(name), gb.get(name), 1e-12, loss + " gradient in " + name);

        Map<String, Object> hb = hessianVector(batched, at, dir), hl = hessianVector(looped, at, dir);
        for (String name : hl.keySet()) assertClose(hl.get(name), hb.get(name), 1e-12, loss + " Hessian-vector in " + name);

        // Central differences of the batched gradient along the same direction.
        double h = 1e-5;
        Map<String, Object> plus = gradient(batched, shifted(at, dir, h)), minus = gradient(batched, shifted(at, dir, -h));
        for (String name : hb.keySet()) {
            Object fd = combine(plus.get(name), minus.get(name), 1 / (2 * h), -1 / (2 * h));
            assertClose(fd, hb.get(name), 1e-6, loss + " Hessian-vector in " + name + " against central differences");
        }
    }

    private static Function function(String name) {
        return CODE.functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The value (under "") and the gradient in each input, by name. */
    private static Map<String, Object> gradient(Function f, Map<String, Object> at) {
        Object[] out = CODE.adjoint(f.name(), args(f, at).toArray());
        Map<String, Object> byName = new HashMap<>();
        byName.put("", out[0]);
        for (int i = 0; i < f.paramNames().size(); i++) byName.put(f.paramNames().get(i), out[i + 1]);
        return byName;
    }

    /** H v in each input, by name, for the direction v given by name. */
    private static Map<String, Object> hessianVector(Function f, Map<String, Object> at, Map<String, Object> dir) {
        List<Object> in = args(f, at);
        in.add(1.0);
        in.addAll(args(f, dir));
        in.add(0.0);
        Object[] out = CODE.hessianVector(f.name(), in.toArray());
        int k = f.paramNames().size();
        Map<String, Object> byName = new HashMap<>();
        for (int i = 0; i < k; i++) byName.put(f.paramNames().get(i), out[k + 2 + i]);
        return byName;
    }

    private static List<Object> args(Function f, Map<String, Object> values) {
        List<Object> out = new ArrayList<>();
        for (String name : f.paramNames()) out.add(values.get(name));
        return out;
    }

    private static Map<String, Object> shifted(Map<String, Object> at, Map<String, Object> dir, double h) {
        Map<String, Object> out = new HashMap<>();
        for (String name : at.keySet()) out.put(name, combine(at.get(name), dir.get(name), 1, h));
        return out;
    }

    private static Object combine(Object a, Object b, double ka, double kb) {
        if (a instanceof Double x) return ka * x + kb * (Double) b;
        Tensor x = (Tensor) a, y = (Tensor) b;
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) r[i] = ka * x.data[i] + kb * y.data[i];
        return new Tensor(r, x.shape.clone());
    }

    private static Object random(Type t, Random rnd, double scale) {
        if (t.isReal()) return scale * rnd.nextGaussian();
        List<Dim> dims = ((Type.Tensor) t).dims();
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) shape[k] = dims.get(k).symbolic() ? ROWS : dims.get(k).size();
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.data.length; i++) x.data[i] = scale * rnd.nextGaussian();
        return x;
    }

    /** Entry-wise agreement relative to the largest entry of the expected value. */
    private static void assertClose(Object expected, Object actual, double tol, String what) {
        double[] e = expected instanceof Double d ? new double[] {d} : ((Tensor) expected).data;
        double[] a = actual instanceof Double d ? new double[] {d} : ((Tensor) actual).data;
        assertEquals(e.length, a.length, what);
        double scale = 1e-300, err = 0;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            err = Math.max(err, Math.abs(e[i] - a[i]));
        }
        assertTrue(err <= tol * Math.max(scale, 1e-3), what + ": error " + err + " at scale " + scale);
    }
}
