package hyp.runtime.complex;

import hyp.runtime.kernels.Blas1;
import hyp.runtime.ops.ShapeMismatchException;

/**
 * The complex version of {@code hyp.runtime.ops.Reductions}. Sum, mean and logsumexp are the analytic
 * continuations of the real ones; norm is too: sqrt(Σ z_i²), not the modulus of the vector. max, which is not
 * analytic, follows the real parts (see {@link #max}).
 */
public final class ComplexReductions {
    private ComplexReductions() {}

    /** Each part summed by the kernel the real sum uses, so that at im = 0 the real part is the real sum exactly. */
    public static Complex sum(ComplexTensor t) {
        return new Complex(Blas1.sum(t.re, t.size()), Blas1.sum(t.im, t.size()));
    }

    public static Complex mean(ComplexTensor t) {
        Complex s = sum(t);
        return new Complex(s.re() / t.size(), s.im() / t.size());
    }

    /**
     * The entry with the largest real part. When several entries tie for it, their average: its real part is
     * the maximum and its imaginary part the mean of theirs, which is exactly the real rule's derivative (shared
     * equally by the tied entries), so the complex step agrees with the symbolic code even at ties. NaN if any
     * real part is NaN, like the real max.
     */
    public static Complex max(ComplexTensor t) {
        if (t.size() == 0) throw new ShapeMismatchException("max of an empty tensor");
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t.re) {
            if (Double.isNaN(v)) return new Complex(Double.NaN, Double.NaN);
            m = Math.max(m, v);
        }
        double im = 0;
        int ties = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.re[i] == m) {
                im += t.im[i];
                ties++;
            }
        }
        return new Complex(m, im / ties);
    }

    /**
     * sqrt(Σ z_i²), the analytic continuation of the Euclidean norm (so its complex step gives the derivative
     * x·d/‖x‖); entries are scaled by the largest part first so that squares neither overflow nor underflow.
     */
    public static Complex norm(ComplexTensor t) {
        double scale = 0;
        for (int i = 0; i < t.size(); i++) scale = Math.max(scale, Math.max(Math.abs(t.re[i]), Math.abs(t.im[i])));
        if (scale == 0 || Double.isInfinite(scale) || Double.isNaN(scale)) return Complex.of(scale);
        double re = 0, im = 0;
        for (int i = 0; i < t.size(); i++) {
            double a = t.re[i] / scale, b = t.im[i] / scale;
            re += a * a - b * b;
            im += 2 * a * b;
        }
        Complex root = ComplexOps.sqrt(new Complex(re, im));
        return new Complex(scale * root.re(), scale * root.im());
    }

    /** log Σ exp(z_i), shifted by the largest real part so that no term overflows. */
    public static Complex logsumexp(ComplexTensor t) {
        double m = max(t).re();
        if (Double.isInfinite(m) || Double.isNaN(m)) return Complex.of(m);
        double re = 0, im = 0;
        for (int i = 0; i < t.size(); i++) {
            Complex e = ComplexOps.exp(new Complex(t.re[i] - m, t.im[i]));
            re += e.re();
            im += e.im();
        }
        Complex log = ComplexOps.log(new Complex(re, im));
        return new Complex(m + log.re(), log.im());
    }

    public static int size(ComplexTensor t) {
        return t.size();
    }

    public static int dim(ComplexTensor t, int axis) {
        return t.shape[axis];
    }
}
