package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Arithmetic;
import hyp.runtime.kernels.ElementWise;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise arithmetic on tensors, with a scalar broadcast over a tensor on either side. Every result is a new
 * tensor; inputs are never changed. Generated code calls these methods by name, one per primitive and shape of
 * arguments; each is one line naming its kernel or scalar operation, and the loops are those of the shape.
 *
 * <p>Arithmetic, max/min, negation, abs and sqrt run on the SIMD kernels of {@code hyp.runtime.kernels}; all of
 * them are exactly rounded, so the result is bitwise what one scalar operation per element gives (and what a
 * fused loop over the same operations gives), which is what they run in {@link ReferenceMode}. Transcendental
 * functions, powers and masks are scalar {@link Math}/{@link Scalars} calls per element, as the kernels themselves
 * do for accuracy.
 */
public final class TensorMath {
    private TensorMath() {}

    public static Tensor add(Tensor x, Tensor y) { return onKernel("add", x, y, Arithmetic::add, Double::sum); }
    /** a + y: addition commutes exactly, so the kernel's y + a is the same number. */
    public static Tensor add(double a, Tensor y) { return onKernel(y, a, Arithmetic::add, (b, s) -> s + b); }
    public static Tensor add(Tensor x, double b) { return onKernel(x, b, Arithmetic::add, Double::sum); }

    public static Tensor sub(Tensor x, Tensor y) { return onKernel("sub", x, y, Arithmetic::sub, (a, b) -> a - b); }
    public static Tensor sub(double a, Tensor y) { return onKernel(a, y, Arithmetic::sub, (s, b) -> s - b); }
    public static Tensor sub(Tensor x, double b) { return onKernel(x, b, Arithmetic::sub, (a, s) -> a - s); }

    public static Tensor mul(Tensor x, Tensor y) { return onKernel("mul", x, y, Arithmetic::mul, (a, b) -> a * b); }
    /** a · y: multiplication commutes exactly. */
    public static Tensor mul(double a, Tensor y) { return onKernel(y, a, Arithmetic::mul, (b, s) -> s * b); }
    public static Tensor mul(Tensor x, double b) { return onKernel(x, b, Arithmetic::mul, (a, s) -> a * s); }

    public static Tensor div(Tensor x, Tensor y) { return onKernel("div", x, y, Arithmetic::div, (a, b) -> a / b); }
    public static Tensor div(double a, Tensor y) { return onKernel(a, y, Arithmetic::div, (s, b) -> s / b); }
    public static Tensor div(Tensor x, double b) { return onKernel(x, b, Arithmetic::div, (a, s) -> a / s); }

    public static Tensor max(Tensor x, Tensor y) { return onKernel("max", x, y, Arithmetic::max, Math::max); }
    /** max(a, y): Math.max is symmetric (NaN and signed zeros included). */
    public static Tensor max(double a, Tensor y) { return onKernel(y, a, Arithmetic::max, (b, s) -> Math.max(s, b)); }
    public static Tensor max(Tensor x, double b) { return onKernel(x, b, Arithmetic::max, Math::max); }

    public static Tensor min(Tensor x, Tensor y) { return onKernel("min", x, y, Arithmetic::min, Math::min); }
    /** min(a, y): Math.min is symmetric (NaN and signed zeros included). */
    public static Tensor min(double a, Tensor y) { return onKernel(y, a, Arithmetic::min, (b, s) -> Math.min(s, b)); }
    public static Tensor min(Tensor x, double b) { return onKernel(x, b, Arithmetic::min, Math::min); }

    public static Tensor pow(Tensor x, Tensor y) { return zip("pow", x, y, Scalars::pow); }
    public static Tensor pow(double a, Tensor y) { return ScalarLoops.zip(a, y, Scalars::pow); }
    public static Tensor pow(Tensor x, double b) { return ScalarLoops.zip(x, b, Scalars::pow); }

    public static Tensor geMask(Tensor x, Tensor y) { return zip("geMask", x, y, Scalars::geMask); }
    public static Tensor geMask(double a, Tensor y) { return ScalarLoops.zip(a, y, Scalars::geMask); }
    public static Tensor geMask(Tensor x, double b) { return ScalarLoops.zip(x, b, Scalars::geMask); }

    public static Tensor leMask(Tensor x, Tensor y) { return zip("leMask", x, y, Scalars::leMask); }
    public static Tensor leMask(double a, Tensor y) { return ScalarLoops.zip(a, y, Scalars::leMask); }
    public static Tensor leMask(Tensor x, double b) { return ScalarLoops.zip(x, b, Scalars::leMask); }

    public static Tensor neg(Tensor t) { return onKernel(t, ElementWise::neg, x -> -x); }
    public static Tensor sqrt(Tensor t) { return onKernel(t, ElementWise::sqrt, Math::sqrt); }
    public static Tensor abs(Tensor t) { return onKernel(t, ElementWise::abs, Math::abs); }

    // the kernels of these compute each element as the scalar function does; they have no reference loop
    public static Tensor exp(Tensor t) { return onKernel(t, ElementWise::exp); }
    public static Tensor log(Tensor t) { return onKernel(t, ElementWise::log); }
    public static Tensor log1p(Tensor t) { return onKernel(t, ElementWise::log1p); }
    public static Tensor tanh(Tensor t) { return onKernel(t, ElementWise::tanh); }
    public static Tensor sigmoid(Tensor t) { return onKernel(t, ElementWise::sigmoid); }
    public static Tensor softplus(Tensor t) { return onKernel(t, ElementWise::softplus); }

    /** max(x, 0) as {@link Scalars#relu} defines it (NaN maps to 0), so tensors and scalars agree. */
    public static Tensor relu(Tensor t) { return ScalarLoops.map(t, Scalars::relu); }
    public static Tensor step(Tensor t) { return ScalarLoops.map(t, Scalars::step); }
    public static Tensor sign(Tensor t) { return ScalarLoops.map(t, Scalars::sign); }

    // ---- one helper per shape: the kernel's calling convention, or the plain loop in reference mode ----

    /** A kernel out = x ∘ y over n elements. */
    private interface TensorTensorKernel {
        void run(double[] x, double[] y, double[] out, int n);
    }

    /** A kernel out = s ∘ x over n elements. */
    private interface ScalarTensorKernel {
        void run(double s, double[] x, double[] out, int n);
    }

    /** A kernel out = x ∘ s over n elements. */
    private interface TensorScalarKernel {
        void run(double[] x, double s, double[] out, int n);
    }

    /** A kernel out = f(x) over n elements. */
    private interface UnaryKernel {
        void run(double[] x, double[] out, int n);
    }

    private static Tensor zip(String op, Tensor x, Tensor y, DoubleBinaryOperator f) {
        Checks.sameShape(op, x, y);
        return ScalarLoops.zip(x, y, f);
    }

    private static Tensor onKernel(String op, Tensor x, Tensor y, TensorTensorKernel kernel, DoubleBinaryOperator f) {
        Checks.sameShape(op, x, y);
        if (ReferenceMode.ON) return ScalarLoops.zip(x, y, f);
        Tensor r = like(x);
        kernel.run(x.data, y.data, r.data, r.data.length);
        return r;
    }

    private static Tensor onKernel(double a, Tensor y, ScalarTensorKernel kernel, DoubleBinaryOperator f) {
        if (ReferenceMode.ON) return ScalarLoops.zip(a, y, f);
        Tensor r = like(y);
        kernel.run(a, y.data, r.data, r.data.length);
        return r;
    }

    /** x ∘ b; also s ∘ y for a commutative ∘, with {@code f} then taking (y's element, s). */
    private static Tensor onKernel(Tensor x, double b, TensorScalarKernel kernel, DoubleBinaryOperator f) {
        if (ReferenceMode.ON) return ScalarLoops.zip(x, b, f);
        Tensor r = like(x);
        kernel.run(x.data, b, r.data, r.data.length);
        return r;
    }

    private static Tensor onKernel(Tensor t, UnaryKernel kernel, DoubleUnaryOperator f) {
        if (ReferenceMode.ON) return ScalarLoops.map(t, f);
        return onKernel(t, kernel);
    }

    private static Tensor onKernel(Tensor t, UnaryKernel kernel) {
        Tensor r = like(t);
        kernel.run(t.data, r.data, r.data.length);
        return r;
    }

    /** A fresh zero tensor shaped like t. */
    private static Tensor like(Tensor t) {
        return new Tensor(new double[t.data.length], t.shape);
    }
}
