package hyp.runtime.complex;

import java.util.Arrays;

/** The complex version of {@code hyp.runtime.ops.Indexing}: reading parts, and writing a part into zeros. */
public final class ComplexIndexing {
    private ComplexIndexing() {}

    public static Complex get(ComplexTensor x, int i) {
        return x.at(check(x, 0, i));
    }

    public static Complex get(ComplexTensor x, int i, int j) {
        return x.at(check(x, 0, i) * x.shape[1] + check(x, 1, j));
    }

    /** Row i of a matrix, or the sub-tensor at i of any tensor. */
    public static ComplexTensor row(ComplexTensor x, int i) {
        check(x, 0, i);
        int inner = x.size() / Math.max(1, x.shape[0]);
        ComplexTensor r = ComplexTensor.zeros(Arrays.copyOfRange(x.shape, 1, x.shape.length));
        copy(x, i * inner, r, 0, inner);
        return r;
    }

    public static ComplexTensor col(ComplexTensor x, int j) {
        check(x, 1, j);
        int n = x.shape[0], d = x.shape[1];
        ComplexTensor r = ComplexTensor.zeros(n);
        for (int i = 0; i < n; i++) copy(x, i * d + j, r, i, 1);
        return r;
    }

    /** Entries (or rows) from..to-1 along the first axis. */
    public static ComplexTensor slice(ComplexTensor x, int from, int to) {
        checkSlice(x, from, to);
        int inner = x.shape[0] == 0 ? 0 : x.size() / x.shape[0];
        int[] shape = x.shape.clone();
        shape[0] = to - from;
        ComplexTensor r = ComplexTensor.zeros(shape);
        copy(x, from * inner, r, 0, r.size());
        return r;
    }

    public static ComplexTensor scatterGet(Complex v, ComplexTensor like, int i) {
        ComplexTensor r = ComplexTensor.zeros(like.shape);
        set(r, check(r, 0, i), v);
        return r;
    }

    public static ComplexTensor scatterGet(Complex v, ComplexTensor like, int i, int j) {
        ComplexTensor r = ComplexTensor.zeros(like.shape);
        set(r, check(r, 0, i) * r.shape[1] + check(r, 1, j), v);
        return r;
    }

    public static ComplexTensor scatterRow(ComplexTensor part, ComplexTensor like, int i) {
        ComplexTensor r = ComplexTensor.zeros(like.shape);
        check(r, 0, i);
        copy(part, 0, r, i * part.size(), part.size());
        return r;
    }

    public static ComplexTensor scatterCol(ComplexTensor part, ComplexTensor like, int j) {
        ComplexTensor r = ComplexTensor.zeros(like.shape);
        check(r, 1, j);
        int n = r.shape[0], d = r.shape[1];
        for (int i = 0; i < n; i++) copy(part, i, r, i * d + j, 1);
        return r;
    }

    public static ComplexTensor scatterSlice(ComplexTensor part, ComplexTensor like, int from, int to) {
        ComplexTensor r = ComplexTensor.zeros(like.shape);
        checkSlice(r, from, to);
        int inner = r.shape[0] == 0 ? 0 : r.size() / r.shape[0];
        copy(part, 0, r, from * inner, part.size());
        return r;
    }

    private static void set(ComplexTensor r, int flat, Complex v) {
        r.re[flat] = v.re();
        r.im[flat] = v.im();
    }

    private static void copy(ComplexTensor from, int at, ComplexTensor to, int into, int count) {
        System.arraycopy(from.re, at, to.re, into, count);
        System.arraycopy(from.im, at, to.im, into, count);
    }

    private static void checkSlice(ComplexTensor x, int from, int to) {
        if (from < 0 || to > x.shape[0] || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ":" + to + " out of bounds for axis 0 of size " + x.shape[0]);
        }
    }

    private static int check(ComplexTensor x, int axis, int i) {
        if (axis >= x.rank() || i < 0 || i >= x.shape[axis]) {
            throw new IndexOutOfBoundsException("index " + i + " out of bounds for axis " + axis
                    + (axis < x.rank() ? " of size " + x.shape[axis] : " of a rank-" + x.rank() + " tensor"));
        }
        return i;
    }
}
