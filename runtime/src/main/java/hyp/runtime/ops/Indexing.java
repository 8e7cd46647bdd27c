package hyp.runtime.ops;

import hyp.runtime.Tensor;
import java.util.Arrays;

/** Reading parts of tensors, and the adjoints that write a part back into zeros. */
public final class Indexing {
    private Indexing() {}

    public static double get(Tensor x, int i) {
        return x.data[check(x, 0, i)];
    }

    public static double get(Tensor x, int i, int j) {
        return x.data[check(x, 0, i) * x.shape[1] + check(x, 1, j)];
    }

    /** Row i of a matrix, or the sub-tensor at i of any tensor. */
    public static Tensor row(Tensor x, int i) {
        check(x, 0, i);
        int inner = x.data.length / Math.max(1, x.shape[0]);
        int[] shape = Arrays.copyOfRange(x.shape, 1, x.shape.length);
        double[] r = new double[inner];
        System.arraycopy(x.data, i * inner, r, 0, inner);
        return new Tensor(r, shape);
    }

    public static Tensor col(Tensor x, int j) {
        check(x, 1, j);
        int n = x.shape[0], d = x.shape[1];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = x.data[i * d + j];
        return new Tensor(r, n);
    }

    /** Entries (or rows) from..to-1 along the first axis. */
    public static Tensor slice(Tensor x, int from, int to) {
        if (from < 0 || to > x.shape[0] || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ":" + to + " out of bounds for axis 0 of size " + x.shape[0]);
        }
        int inner = x.shape[0] == 0 ? 0 : x.data.length / x.shape[0];
        int[] shape = x.shape.clone();
        shape[0] = to - from;
        double[] r = new double[(to - from) * inner];
        System.arraycopy(x.data, from * inner, r, 0, r.length);
        return new Tensor(r, shape);
    }

    public static Tensor scatterGet(double v, Tensor like, int i) {
        Tensor r = Tensor.zeros(like.shape.clone());
        r.data[check(r, 0, i)] = v;
        return r;
    }

    public static Tensor scatterGet(double v, Tensor like, int i, int j) {
        Tensor r = Tensor.zeros(like.shape.clone());
        r.data[check(r, 0, i) * r.shape[1] + check(r, 1, j)] = v;
        return r;
    }

    public static Tensor scatterRow(Tensor part, Tensor like, int i) {
        Tensor r = Tensor.zeros(like.shape.clone());
        check(r, 0, i);
        System.arraycopy(part.data, 0, r.data, i * part.data.length, part.data.length);
        return r;
    }

    public static Tensor scatterCol(Tensor part, Tensor like, int j) {
        Tensor r = Tensor.zeros(like.shape.clone());
        check(r, 1, j);
        int n = r.shape[0], d = r.shape[1];
        for (int i = 0; i < n; i++) r.data[i * d + j] = part.data[i];
        return r;
    }

    public static Tensor scatterSlice(Tensor part, Tensor like, int from, int to) {
        Tensor r = Tensor.zeros(like.shape.clone());
        if (from < 0 || to > r.shape[0] || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ":" + to + " out of bounds for axis 0 of size " + r.shape[0]);
        }
        int inner = r.shape[0] == 0 ? 0 : r.data.length / r.shape[0];
        System.arraycopy(part.data, 0, r.data, from * inner, part.data.length);
        return r;
    }

    private static int check(Tensor x, int axis, int i) {
        if (axis >= x.rank() || i < 0 || i >= x.shape[axis]) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for axis " + axis
                    + (axis < x.rank() ? " of size " + x.shape[axis] : " of a rank-" + x.rank() + " tensor"));
        }
        return i;
    }
}
