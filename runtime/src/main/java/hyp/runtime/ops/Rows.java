package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Blas1;
import java.util.Arrays;

/**
 * Operations along the leading (batch) axis of a tensor whose rows are examples, made by the batching of a
 * per-example def ({@code map(f, X, ...)}): a value shared by all rows spread over them and its adjoint (the sum
 * over rows), one scalar per row spread over that row and its adjoint (the sum within each row), log-sum-exp within
 * each row, and a reshape of each row. Row sums use the same lane-wise kernels as {@link Reductions}, one row at a
 * time, so each row's sum equals {@code sum} of that row bit for bit.
 */
public final class Rows {
    private Rows() {}

    /** x repeated for each of the rows of {@code like}: shape (rows, x's shape...). */
    public static Tensor spread(Tensor x, Tensor like) {
        int rows = rows("spread", like), n = x.data.length;
        int[] shape = new int[x.rank() + 1];
        shape[0] = rows;
        System.arraycopy(x.shape, 0, shape, 1, x.rank());
        double[] r = new double[rows * n];
        for (int i = 0; i < rows; i++) System.arraycopy(x.data, 0, r, i * n, n);
        return new Tensor(r, shape);
    }

    /** A scalar repeated for each of the rows of {@code like}: a vector. */
    public static Tensor spread(double v, Tensor like) {
        return Tensor.fill(v, rows("spread", like));
    }

    /** The sum over rows (the leading axis) of x: shape x's shape without its first axis, rank at least 1. */
    public static Tensor sumRows(Tensor x) {
        int rows = rows("sum_rows", x), n = x.data.length / Math.max(rows, 1);
        double[] r = new double[n];
        // Accumulated row by row in order: the order a loop over the examples adds them in.
        for (int i = 0; i < rows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) r[j] += x.data[off + j];
        }
        return new Tensor(r, Arrays.copyOfRange(x.shape, 1, x.rank()));
    }

    /** Row i of the result is v[i] in every entry; the result is shaped like {@code like} (rows, ...). */
    public static Tensor broadcast(Tensor v, Tensor like) {
        int rows = rows("row_broadcast", like);
        if (v.rank() != 1 || v.shape[0] != rows) {
            throw new ShapeMismatchException("row_broadcast: " + Arrays.toString(v.shape) + " over rows of "
                    + Arrays.toString(like.shape));
        }
        int n = like.data.length / Math.max(rows, 1);
        double[] r = new double[like.data.length];
        for (int i = 0; i < rows; i++) Arrays.fill(r, i * n, (i + 1) * n, v.data[i]);
        return new Tensor(r, like.shape.clone());
    }

    /** The sum of each row's entries: a vector of one entry per row. */
    public static Tensor sums(Tensor x) {
        int rows = rows("row_sum", x), n = x.data.length / Math.max(rows, 1);
        double[] r = new double[rows];
        for (int i = 0; i < rows; i++) r[i] = ReferenceMode.ON ? Reductions.sum(row(x, i, n)) : Blas1.sum(x.data, i * n, n);
        return new Tensor(r, rows);
    }

    /** log Σ exp of each row's entries, shifted by the row's maximum. */
    public static Tensor logsumexps(Tensor x) {
        int rows = rows("row_logsumexp", x), n = x.data.length / Math.max(rows, 1);
        if (n == 0) throw new ShapeMismatchException("row_logsumexp of empty rows");
        double[] r = new double[rows];
        for (int i = 0; i < rows; i++) {
            r[i] = ReferenceMode.ON ? Reductions.logsumexp(row(x, i, n)) : Blas1.logSumExp(x.data, i * n, n);
        }
        return new Tensor(r, rows);
    }

    /** Each row of x reshaped to the given sizes (a copy): shape (rows, sizes...). */
    public static Tensor reshape(Tensor x, int a) {
        return reshaped(x, a);
    }

    public static Tensor reshape(Tensor x, int a, int b) {
        return reshaped(x, a, b);
    }

    public static Tensor reshape(Tensor x, int a, int b, int c) {
        return reshaped(x, a, b, c);
    }

    private static Tensor reshaped(Tensor x, int... sizes) {
        int rows = rows("reshape", x);
        int[] shape = new int[sizes.length + 1];
        shape[0] = rows;
        System.arraycopy(sizes, 0, shape, 1, sizes.length);
        long count = rows;
        for (int s : sizes) count *= s;
        if (count != x.data.length) {
            throw new ShapeMismatchException("reshape: rows of shape " + Arrays.toString(x.shape) + " do not fill "
                    + Arrays.toString(shape));
        }
        return new Tensor(x.data.clone(), shape);
    }

    private static Tensor row(Tensor x, int i, int n) {
        return new Tensor(Arrays.copyOfRange(x.data, i * n, (i + 1) * n), n);
    }

    private static int rows(String op, Tensor x) {
        if (x.rank() < 1) throw new ShapeMismatchException(op + ": expected rows, got a scalar");
        return x.shape[0];
    }
}
