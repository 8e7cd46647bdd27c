package hyp.runtime.ops;

import hyp.runtime.Tensor;
import java.util.Arrays;

/** Tensors made from scalars: constant fills and stacking. */
public final class Shapes {
    private Shapes() {}

    /** A tensor shaped like {@code like} with every entry v. */
    public static Tensor broadcast(double v, Tensor like) {
        return Tensor.fill(v, like.shape.clone());
    }

    public static Tensor fill(double v, int n) {
        checkSize(n);
        return Tensor.fill(v, n);
    }

    public static Tensor fill(double v, int n, int m) {
        checkSize(n);
        checkSize(m);
        return Tensor.fill(v, n, m);
    }

    public static Tensor fill(double v, int n, int m, int k) {
        checkSize(n);
        checkSize(m);
        checkSize(k);
        return Tensor.fill(v, n, m, k);
    }

    /** Stacks equally shaped tensors along a new leading axis. */
    public static Tensor stack(Tensor[] parts) {
        if (parts.length == 0) throw new ShapeMismatchException("stack of nothing");
        int inner = parts[0].data.length;
        int[] shape = new int[parts[0].rank() + 1];
        shape[0] = parts.length;
        System.arraycopy(parts[0].shape, 0, shape, 1, parts[0].rank());
        double[] r = new double[parts.length * inner];
        for (int i = 0; i < parts.length; i++) {
            Checks.sameShape("stack", parts[0], parts[i]);
            System.arraycopy(parts[i].data, 0, r, i * inner, inner);
        }
        return new Tensor(r, shape);
    }

    /** A vector of the given scalars. */
    public static Tensor stack(double[] parts) {
        return new Tensor(parts.clone(), parts.length);
    }

    /** The entries of x in row-major order under a new shape with as many entries (a copy). */
    public static Tensor reshape(Tensor x, int a) {
        return reshaped(x, a);
    }

    public static Tensor reshape(Tensor x, int a, int b) {
        return reshaped(x, a, b);
    }

    public static Tensor reshape(Tensor x, int a, int b, int c) {
        return reshaped(x, a, b, c);
    }

    public static Tensor reshape(Tensor x, int a, int b, int c, int d) {
        return reshaped(x, a, b, c, d);
    }

    private static Tensor reshaped(Tensor x, int... shape) {
        long count = 1;
        for (int n : shape) {
            checkSize(n);
            count *= n;
        }
        if (count != x.data.length) {
            throw new ShapeMismatchException("reshape: " + x.data.length + " entries of shape "
                    + Arrays.toString(x.shape) + " do not fill shape " + Arrays.toString(shape));
        }
        return new Tensor(x.data.clone(), shape);
    }

    private static void checkSize(int n) {
        if (n < 0) throw new ShapeMismatchException("negative size " + n);
    }
}
