package hyp.runtime;

import java.util.Arrays;

/**
 * A dense, row-major, contiguous tensor of doubles.
 *
 * <p>The fields are public and final because generated code reads them directly and hands
 * {@link #data} to the kernels in {@code hyp.runtime.kernels}. The array contents are mutable; the
 * shape is not. A rank-0 tensor (empty shape) holds one number.
 */
public final class Tensor {
    /** Elements in row-major order; {@code data.length == size()}. */
    public final double[] data;
    /** Extent of each axis; empty for a scalar. */
    public final int[] shape;

    /**
     * Wraps {@code data} (not copied) with the given shape.
     *
     * @throws IllegalArgumentException if a dimension is negative or the element count differs
     */
    public Tensor(double[] data, int... shape) {
        if (data == null || shape == null) {
            throw new IllegalArgumentException("Tensor: data and shape must not be null");
        }
        long count = elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("Tensor: shape " + Arrays.toString(shape) + " holds "
                    + count + " elements but data has " + data.length);
        }
        this.data = data;
        this.shape = shape.clone();
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new double[checkedCount(shape)], shape);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... shape) {
        return fill(1.0, shape);
    }

    /** A tensor with every element equal to {@code v}. */
    public static Tensor fill(double v, int... shape) {
        double[] d = new double[checkedCount(shape)];
        Arrays.fill(d, v);
        return new Tensor(d, shape);
    }

    /** A rank-1 tensor holding a copy of {@code v}. */
    public static Tensor vector(double... v) {
        return new Tensor(v.clone(), v.length);
    }

    /**
     * A rank-2 tensor copied from rows of equal length.
     *
     * @throws IllegalArgumentException if the rows are ragged
     */
    public static Tensor matrix(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[Math.multiplyExact(m, n)];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("Tensor.matrix: row " + i + " has length "
                        + rows[i].length + ", expected " + n);
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return new Tensor(d, m, n);
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** Extent of {@code axis}. */
    public int dim(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new IndexOutOfBoundsException("Tensor.dim: axis " + axis + " of a rank-"
                    + shape.length + " tensor");
        }
        return shape[axis];
    }

    /** The element at a full multi-index (one index per axis). */
    public double get(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("Tensor.get: " + idx.length
                    + " indices for a rank-" + shape.length + " tensor");
        }
        int flat = 0;
        for (int a = 0; a < shape.length; a++) {
            if (idx[a] < 0 || idx[a] >= shape[a]) {
                throw new IndexOutOfBoundsException("Tensor.get: index " + Arrays.toString(idx)
                        + " outside shape " + Arrays.toString(shape));
            }
            flat = flat * shape[a] + idx[a];
        }
        return data[flat];
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    /** True if both tensors have the same shape. */
    public boolean sameShape(Tensor o) {
        return Arrays.equals(shape, o.shape);
    }

    /** The rows of a rank-2 tensor as fresh arrays. */
    public double[][] toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("Tensor.toMatrix: tensor has rank " + shape.length
                    + ", expected 2");
        }
        int m = shape[0];
        int n = shape[1];
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = Arrays.copyOfRange(data, i * n, i * n + n);
        }
        return rows;
    }

    /**
     * Equal shape and elements equal in the sense of {@link Double#equals}: NaN equals NaN and
     * 0.0 differs from -0.0.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** Nested brackets, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}; a scalar prints as its number. */
    @Override
    public String toString() {
        if (shape.length == 0) {
            return Double.toString(data[0]);
        }
        StringBuilder sb = new StringBuilder();
        appendAxis(sb, 0, 0);
        return sb.toString();
    }

    private void appendAxis(StringBuilder sb, int axis, int offset) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        sb.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (axis == shape.length - 1) {
                sb.append(Double.toString(data[offset + i]));
            } else {
                appendAxis(sb, axis + 1, offset + i * stride);
            }
        }
        sb.append(']');
    }

    private static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Tensor: negative dimension in shape "
                        + Arrays.toString(shape));
            }
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Tensor: shape " + Arrays.toString(shape)
                        + " has more than 2^31-1 elements");
            }
        }
        return count;
    }

    private static int checkedCount(int[] shape) {
        return (int) elementCount(shape);
    }
}
