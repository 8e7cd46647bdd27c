package hyp.runtime.ops;

import hyp.runtime.Tensor;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The plain loop of an element-wise op, one per shape of arguments (tensor ∘ tensor, scalar ∘ tensor, tensor ∘
 * scalar, a function of one tensor), computing one scalar operation per element into a new tensor. The ops with no
 * vector kernel run on these; the others run on them in {@link ReferenceMode}, as the baseline of the benchmarks.
 * Shapes are checked by the callers.
 *
 * <p>Each loop is small enough that the JIT inlines it into the op calling it, where the operator is a constant:
 * the call per element is then inlined too, as in a loop written out for that operator.
 */
final class ScalarLoops {
    private ScalarLoops() {}

    static Tensor zip(Tensor x, Tensor y, DoubleBinaryOperator f) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(x.data[i], y.data[i]);
        return new Tensor(r, x.shape);
    }

    static Tensor zip(double a, Tensor y, DoubleBinaryOperator f) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(a, y.data[i]);
        return new Tensor(r, y.shape);
    }

    static Tensor zip(Tensor x, double b, DoubleBinaryOperator f) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(x.data[i], b);
        return new Tensor(r, x.shape);
    }

    static Tensor map(Tensor t, DoubleUnaryOperator f) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) r[i] = f.applyAsDouble(t.data[i]);
        return new Tensor(r, t.shape);
    }
}
