package hyp.compiler.gradcheck;

import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The real coordinates of argument and result lists: every Double is one, every Tensor entry is one; ints and
 * bools have none. Checks perturb arguments coordinate by coordinate and compare results as flat vectors.
 */
final class Coordinates {
    private Coordinates() {}

    static boolean real(Object v) {
        return v instanceof Double || v instanceof Tensor;
    }

    private static int size(Object v) {
        if (v instanceof Double) return 1;
        if (v instanceof Tensor t) return t.size();
        return 0;
    }

    /** The coordinates of {@code values} in order. */
    static double[] flatten(List<Object> values) {
        int n = 0;
        for (Object v : values) n += size(v);
        double[] out = new double[n];
        int k = 0;
        for (Object v : values) {
            if (v instanceof Double d) out[k++] = d;
            else if (v instanceof Tensor t) for (double x : t.data) out[k++] = x;
        }
        return out;
    }

    /** A copy of {@code values} (tensors copied too) with coordinate {@code j} set to {@code value}. */
    static List<Object> with(List<Object> values, int j, double value) {
        List<Object> out = new ArrayList<>(values);
        for (int i = 0; i < out.size(); i++) {
            int n = size(out.get(i));
            if (j < n) {
                if (out.get(i) instanceof Tensor t) {
                    Tensor c = t.copy();
                    c.data[j] = value;
                    out.set(i, c);
                } else {
                    out.set(i, value);
                }
                return out;
            }
            j -= n;
        }
        throw new IndexOutOfBoundsException("no coordinate " + j);
    }

    /** A direction with 1 at coordinate {@code j} and 0 elsewhere, shaped like {@code values} (null for ints and bools). */
    static List<Object> unit(List<Object> values, int j) {
        List<Object> zero = new ArrayList<>();
        for (Object v : values) zero.add(zeroLike(v));
        return with(zero, j, 1.0);
    }

    /** 0.0 for a Double, a zero tensor for a Tensor, null for anything else. */
    static Object zeroLike(Object v) {
        if (v instanceof Double) return 0.0;
        if (v instanceof Tensor t) return Tensor.zeros(t.shape);
        return null;
    }

    /** x + iεd for reals and tensors ({@code d} null meaning zero); ints and bools as they are. */
    static List<Object> complexStep(List<Object> x, List<Object> d, double step) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            Object v = x.get(i), dv = d.get(i);
            if (v instanceof Double r) {
                out.add(new Complex(r, dv == null ? 0.0 : step * (Double) dv));
            } else if (v instanceof Tensor t) {
                double[] im = new double[t.size()];
                if (dv != null) for (int k = 0; k < im.length; k++) im[k] = step * ((Tensor) dv).data[k];
                out.add(new ComplexTensor(t.data.clone(), im, t.shape));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** The imaginary parts of complex results divided by the step, flattened (real-valued results have none). */
    static double[] imaginary(List<Object> complexValues, double step) {
        List<Object> parts = new ArrayList<>();
        for (Object v : complexValues) {
            if (v instanceof Complex z) parts.add(z.im() / step);
            else if (v instanceof ComplexTensor t) {
                double[] im = new double[t.size()];
                for (int k = 0; k < im.length; k++) im[k] = t.im[k] / step;
                parts.add(new Tensor(im, t.shape));
            }
        }
        return flatten(parts);
    }

    /** ⟨a, b⟩ over all coordinates. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
