package hyp.runtime.complex;

import hyp.runtime.ops.ShapeMismatchException;
import java.util.Arrays;

/** The complex version of {@code hyp.runtime.ops.Shapes}: constant fills and stacking. */
public final class ComplexShapes {
    private ComplexShapes() {}

    /** A tensor shaped like {@code like} with every entry v. */
    public static ComplexTensor broadcast(Complex v, ComplexTensor like) {
        return filled(v, like.shape);
    }

    public static ComplexTensor fill(Complex v, int n) {
        return filled(v, n);
    }

    public static ComplexTensor fill(Complex v, int n, int m) {
        return filled(v, n, m);
    }

    public static ComplexTensor fill(Complex v, int n, int m, int k) {
        return filled(v, n, m, k);
    }

    /** Stacks equally shaped tensors along a new leading axis. */
    public static ComplexTensor stack(ComplexTensor[] parts) {
        if (parts.length == 0) throw new ShapeMismatchException("stack of nothing");
        int inner = parts[0].size();
        int[] shape = new int[parts[0].rank() + 1];
        shape[0] = parts.length;
        System.arraycopy(parts[0].shape, 0, shape, 1, parts[0].rank());
        ComplexTensor r = ComplexTensor.zeros(shape);
        for (int i = 0; i < parts.length; i++) {
            ComplexChecks.sameShape("stack", parts[0], parts[i]);
            System.arraycopy(parts[i].re, 0, r.re, i * inner, inner);
            System.arraycopy(parts[i].im, 0, r.im, i * inner, inner);
        }
        return r;
    }

    /** A vector of the given scalars. */
    public static ComplexTensor stack(Complex[] parts) {
        ComplexTensor r = ComplexTensor.zeros(parts.length);
        for (int i = 0; i < parts.length; i++) {
            r.re[i] = parts[i].re();
            r.im[i] = parts[i].im();
        }
        return r;
    }

    /** The entries of x in row-major order under a new shape with as many entries (a copy). */
    public static ComplexTensor reshape(ComplexTensor x, int a) {
        return reshaped(x, a);
    }

    public static ComplexTensor reshape(ComplexTensor x, int a, int b) {
        return reshaped(x, a, b);
    }

    public static ComplexTensor reshape(ComplexTensor x, int a, int b, int c) {
        return reshaped(x, a, b, c);
    }

    public static ComplexTensor reshape(ComplexTensor x, int a, int b, int c, int d) {
        return reshaped(x, a, b, c, d);
    }

    private static ComplexTensor reshaped(ComplexTensor x, int... shape) {
        long count = 1;
        for (int n : shape) {
            if (n < 0) throw new ShapeMismatchException("negative size " + n);
            count *= n;
        }
        if (count != x.size()) {
            throw new ShapeMismatchException("reshape: " + x.size() + " entries of shape " + Arrays.toString(x.shape)
                    + " do not fill shape " + Arrays.toString(shape));
        }
        return new ComplexTensor(x.re.clone(), x.im.clone(), shape);
    }

    private static ComplexTensor filled(Complex v, int... shape) {
        for (int n : shape) {
            if (n < 0) throw new ShapeMismatchException("negative size " + n);
        }
        ComplexTensor r = ComplexTensor.zeros(shape);
        Arrays.fill(r.re, v.re());
        Arrays.fill(r.im, v.im());
        return r;
    }
}
