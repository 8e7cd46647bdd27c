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
