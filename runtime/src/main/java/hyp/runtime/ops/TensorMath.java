package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Arithmetic;
import hyp.runtime.kernels.ElementWise;

/**
 * Element-wise arithmetic on tensors, with a scalar broadcast over a tensor on either side. Every result is a new
 * tensor; inputs are never changed.
 *
 * <p>Arithmetic, max/min, negation, abs and sqrt run on the SIMD kernels of {@code hyp.runtime.kernels}; all of
 * them are exactly rounded, so the result is bitwise what one scalar operation per element gives (and what a
 * fused loop over the same operations gives). Transcendental functions, powers and masks are scalar
 * {@link Math}/{@link Scalars} calls per element, as the kernels themselves do for accuracy.
 */
public final class TensorMath {
    private TensorMath() {}

    /** A fresh zero tensor shaped like t. */
    private static Tensor like(Tensor t) {
        return new Tensor(new double[t.data.length], t.shape);
    }

    public static Tensor add(Tensor x, Tensor y) {
        Checks.sameShape("add", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.add(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.add(x.data, y.data, r.data, n);
        return r;
    }

    /** a + y: addition commutes exactly, so the kernel's y + a is the same number. */
    public static Tensor add(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.add(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.add(y.data, a, r.data, n);
        return r;
    }

    public static Tensor add(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.add(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.add(x.data, b, r.data, n);
        return r;
    }

    public static Tensor sub(Tensor x, Tensor y) {
        Checks.sameShape("sub", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.sub(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.sub(x.data, y.data, r.data, n);
        return r;
    }

    public static Tensor sub(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.sub(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.sub(a, y.data, r.data, n);
        return r;
    }

    public static Tensor sub(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.sub(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.sub(x.data, b, r.data, n);
        return r;
    }

    public static Tensor mul(Tensor x, Tensor y) {
        Checks.sameShape("mul", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.mul(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.mul(x.data, y.data, r.data, n);
        return r;
    }

    /** a · y: multiplication commutes exactly. */
    public static Tensor mul(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.mul(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.mul(y.data, a, r.data, n);
        return r;
    }

    public static Tensor mul(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.mul(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.mul(x.data, b, r.data, n);
        return r;
    }

    public static Tensor div(Tensor x, Tensor y) {
        Checks.sameShape("div", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.div(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.div(x.data, y.data, r.data, n);
        return r;
    }

    public static Tensor div(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.div(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.div(a, y.data, r.data, n);
        return r;
    }

    public static Tensor div(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.div(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.div(x.data, b, r.data, n);
        return r;
    }

    public static Tensor max(Tensor x, Tensor y) {
        Checks.sameShape("max", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.max(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.max(x.data, y.data, r.data, n);
        return r;
    }

    /** max(a, y): Math.max is symmetric (NaN and signed zeros included). */
    public static Tensor max(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.max(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.max(y.data, a, r.data, n);
        return r;
    }

    public static Tensor max(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.max(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.max(x.data, b, r.data, n);
        return r;
    }

    public static Tensor min(Tensor x, Tensor y) {
        Checks.sameShape("min", x, y);
        if (ReferenceMode.ON) return ReferenceTensorMath.min(x, y);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.min(x.data, y.data, r.data, n);
        return r;
    }

    /** min(a, y): Math.min is symmetric (NaN and signed zeros included). */
    public static Tensor min(double a, Tensor y) {
        if (ReferenceMode.ON) return ReferenceTensorMath.min(a, y);
        Tensor r = like(y);
        int n = r.data.length;
        Arithmetic.min(y.data, a, r.data, n);
        return r;
    }

    public static Tensor min(Tensor x, double b) {
        if (ReferenceMode.ON) return ReferenceTensorMath.min(x, b);
        Tensor r = like(x);
        int n = r.data.length;
        Arithmetic.min(x.data, b, r.data, n);
        return r;
    }

    public static Tensor pow(Tensor x, Tensor y) {
        Checks.sameShape("pow", x, y);
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i], b = y.data[i];
            r.data[i] = Scalars.pow(a, b);
        }
        return r;
    }

    public static Tensor pow(double a, Tensor y) {
        Tensor r = like(y);
        for (int i = 0; i < r.data.length; i++) {
            double b = y.data[i];
            r.data[i] = Scalars.pow(a, b);
        }
        return r;
    }

    public static Tensor pow(Tensor x, double b) {
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i];
            r.data[i] = Scalars.pow(a, b);
        }
        return r;
    }

    public static Tensor geMask(Tensor x, Tensor y) {
        Checks.sameShape("geMask", x, y);
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i], b = y.data[i];
            r.data[i] = Scalars.geMask(a, b);
        }
        return r;
    }

    public static Tensor geMask(double a, Tensor y) {
        Tensor r = like(y);
        for (int i = 0; i < r.data.length; i++) {
            double b = y.data[i];
            r.data[i] = Scalars.geMask(a, b);
        }
        return r;
    }

    public static Tensor geMask(Tensor x, double b) {
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i];
            r.data[i] = Scalars.geMask(a, b);
        }
        return r;
    }

    public static Tensor leMask(Tensor x, Tensor y) {
        Checks.sameShape("leMask", x, y);
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i], b = y.data[i];
            r.data[i] = Scalars.leMask(a, b);
        }
        return r;
    }

    public static Tensor leMask(double a, Tensor y) {
        Tensor r = like(y);
        for (int i = 0; i < r.data.length; i++) {
            double b = y.data[i];
            r.data[i] = Scalars.leMask(a, b);
        }
        return r;
    }

    public static Tensor leMask(Tensor x, double b) {
        Tensor r = like(x);
        for (int i = 0; i < r.data.length; i++) {
            double a = x.data[i];
            r.data[i] = Scalars.leMask(a, b);
        }
        return r;
    }

    public static Tensor neg(Tensor t) {
        if (ReferenceMode.ON) return ReferenceTensorMath.neg(t);
        Tensor r = like(t);
        ElementWise.neg(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor sqrt(Tensor t) {
        if (ReferenceMode.ON) return ReferenceTensorMath.sqrt(t);
        Tensor r = like(t);
        ElementWise.sqrt(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor abs(Tensor t) {
        if (ReferenceMode.ON) return ReferenceTensorMath.abs(t);
        Tensor r = like(t);
        ElementWise.abs(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor exp(Tensor t) {
        Tensor r = like(t);
        ElementWise.exp(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor log(Tensor t) {
        Tensor r = like(t);
        ElementWise.log(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor log1p(Tensor t) {
        Tensor r = like(t);
        ElementWise.log1p(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor tanh(Tensor t) {
        Tensor r = like(t);
        ElementWise.tanh(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor sigmoid(Tensor t) {
        Tensor r = like(t);
        ElementWise.sigmoid(t.data, r.data, r.data.length);
        return r;
    }

    public static Tensor softplus(Tensor t) {
        Tensor r = like(t);
        ElementWise.softplus(t.data, r.data, r.data.length);
        return r;
    }

    /** max(x, 0) as {@link Scalars#relu} defines it (NaN maps to 0), so tensors and scalars agree. */
    public static Tensor relu(Tensor t) {
        Tensor r = like(t);
        for (int i = 0; i < r.data.length; i++) r.data[i] = Scalars.relu(t.data[i]);
        return r;
    }

    public static Tensor step(Tensor t) {
        Tensor r = like(t);
        for (int i = 0; i < r.data.length; i++) r.data[i] = Scalars.step(t.data[i]);
        return r;
    }

    public static Tensor sign(Tensor t) {
        Tensor r = like(t);
        for (int i = 0; i < r.data.length; i++) r.data[i] = Scalars.sign(t.data[i]);
        return r;
    }
}
