package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.gradcheck.ComplexStep;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import hyp.runtime.ops.Products;
import hyp.runtime.ops.Reductions;
import hyp.runtime.ops.Scalars;
import hyp.runtime.ops.TensorMath;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Complex-step derivatives of tensor defs written in .hyp, against closed forms. */
class ComplexStepTensorTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -3
            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def bilinear(A: real[n, d], x: real[d]) = sum(A @ x)
            def reductions(x: real[n]) = norm(x) + logsumexp(x) + max(x) + x[0] * x[1]
            def rows(A: real[n, d]) -> real[d] { return A[0] * A[1] + transpose(A) @ A[:, 0] }
            """;

    private final Random random = new Random(8);

    private Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = random.nextGaussian();
        return t;
    }

    private static Function def(String name) {
        return ComplexStepDefs.def(SOURCE, name);
    }

    private static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertEquals(Arrays.toString(expected.shape), Arrays.toString(actual.shape), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.data[i], actual.data[i], tol * Math.max(1, Math.abs(expected.data[i])), what + " entry " + i);
        }
    }

    /** Parameters in order: the def's own (w, rho), then the data it reads (X, y). */
    @Test
    void logisticLossGradientIsTheClosedForm() {
        Function f = def("train_loss");
        assertEquals(List.of("w", "rho", "X", "y"), f.paramNames());
        ComplexStep cs = ComplexStep.of(f);
        int n = 9, d = 4;
        Tensor x = random(n, d), w = random(d), rho = random(d), labels = Tensor.zeros(n);
        for (int i = 0; i < n; i++) labels.data[i] = random.nextBoolean() ? 1 : -1;
        List<Object> g = cs.gradient(List.of(w, rho, x, labels));
        // d/dw = −(1/n) Xᵀ (y ⊙ σ(−y ⊙ Xw)) + e^ρ ⊙ w;  d/dρ = ½ e^ρ ⊙ w²
        Tensor margins = TensorMath.mul(TensorMath.neg(labels), Products.matvec(x, w));
        Tensor weights = TensorMath.mul(labels, TensorMath.sigmoid(margins));
        Tensor dw = TensorMath.add(TensorMath.mul(-1.0 / n, Products.vecmat(weights, x)), TensorMath.mul(TensorMath.exp(rho), w));
        Tensor drho = TensorMath.mul(0.5, TensorMath.mul(TensorMath.exp(rho), TensorMath.mul(w, w)));
        assertClose(dw, (Tensor) g.get(0), 1e-15, "d/dw");
        assertClose(drho, (Tensor) g.get(1), 1e-15, "d/drho");
        // and the value is the loss itself
        double loss = 0;
        for (int i = 0; i < n; i++) loss += Scalars.softplus(margins.data[i]) / n;
        loss += 0.5 * Reductions.sum(TensorMath.mul(TensorMath.exp(rho), TensorMath.mul(w, w)));
        double value = (Double) cs.along(List.of(w, rho, x, labels), Arrays.asList(null, null, null, null)).values().get(0);
        assertEquals(loss, value, 1e-15 * Math.abs(loss));
    }

    @Test
    void matvecAndSumAlongADirection() {
        ComplexStep cs = ComplexStep.of(def("bilinear"));
        for (int k = 0; k < 20; k++) {
            Tensor a = random(5, 3), x = random(3), da = random(5, 3), dx = random(3);
            double expected = Reductions.sum(Products.matvec(da, x)) + Reductions.sum(Products.matvec(a, dx));
            double actual = (Double) cs.derivative(List.of(a, x), List.of(da, dx)).get(0);
            assertEquals(expected, actual, 1e-14 * (1 + Math.abs(expected)));
        }
    }

    @Test
    void reductionsAndIndexing() {
        ComplexStep cs = ComplexStep.of(def("reductions"));
        for (int k = 0; k < 20; k++) {
            Tensor x = random(6);
            Tensor g = (Tensor) cs.gradient(List.of(x)).get(0);
            double norm = Reductions.norm(x), lse = Reductions.logsumexp(x), max = Reductions.max(x);
            Tensor expected = Tensor.zeros(6);
            for (int i = 0; i < 6; i++) {
                expected.data[i] = x.data[i] / norm + Math.exp(x.data[i] - lse) + (x.data[i] == max ? 1 : 0);
            }
            expected.data[0] += x.data[1];
            expected.data[1] += x.data[0];
            assertClose(expected, g, 1e-15, "gradient at " + x);
        }
    }

    @Test
    void tensorResultsHaveTensorDerivatives() {
        ComplexStep cs = ComplexStep.of(def("rows"));
        Tensor a = random(3, 2), da = random(3, 2);
        Tensor actual = (Tensor) cs.derivative(List.of(a), List.of(da)).get(0);
        // d(A0 ⊙ A1 + Aᵀ A[:,0]) = dA0 ⊙ A1 + A0 ⊙ dA1 + dAᵀ A[:,0] + Aᵀ dA[:,0]
        Tensor a0 = Tensor.vector(a.data[0], a.data[1]), a1 = Tensor.vector(a.data[2], a.data[3]);
        Tensor d0 = Tensor.vector(da.data[0], da.data[1]), d1 = Tensor.vector(da.data[2], da.data[3]);
        Tensor col = Tensor.vector(a.data[0], a.data[2], a.data[4]), dcol = Tensor.vector(da.data[0], da.data[2], da.data[4]);
        Tensor expected = TensorMath.add(TensorMath.add(TensorMath.mul(d0, a1), TensorMath.mul(a0, d1)),
                TensorMath.add(Products.vecmat(col, da), Products.vecmat(dcol, a)));
        assertClose(expected, actual, 1e-14, "d rows");
    }
}
