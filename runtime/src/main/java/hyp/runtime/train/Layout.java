package hyp.runtime.train;

import hyp.runtime.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * How named values (reals and tensors) sit in one flat vector, as the hypergradient strategies see optimizer
 * state and hyperparameters. A shape of length 0 is a real.
 */
public record Layout(List<String> names, List<int[]> shapes) {
    public Layout {
        names = List.copyOf(names);
        shapes = List.copyOf(shapes);
    }

    public int count() {
        return names.size();
    }

    public int size(int k) {
        int n = 1;
        for (int s : shapes.get(k)) n *= s;
        return n;
    }

    public int size() {
        int total = 0;
        for (int k = 0; k < count(); k++) total += size(k);
        return total;
    }

    public int offset(int k) {
        int off = 0;
        for (int j = 0; j < k; j++) off += size(j);
        return off;
    }

    /** Value k read from the flat vector: a Double or a fresh Tensor. */
    public Object get(double[] flat, int k) {
        int off = offset(k);
        int[] shape = shapes.get(k);
        if (shape.length == 0) return flat[off];
        return new Tensor(Arrays.copyOfRange(flat, off, off + size(k)), shape.clone());
    }

    /** Writes value k (Double or Tensor) into the flat vector. */
    public void put(double[] flat, int k, Object value) {
        int off = offset(k);
        if (value instanceof Double d) {
            flat[off] = d;
        } else {
            Tensor t = (Tensor) value;
            if (t.data.length != size(k)) {
                throw new IllegalStateException(names.get(k) + ": expected " + size(k) + " entries, got " + t.data.length);
            }
            System.arraycopy(t.data, 0, flat, off, t.data.length);
        }
    }

    /**
     * Like {@link #put}, and says whether every entry written is finite, found in the same pass as the copy
     * (so a run can be checked at every step for about the price of the copy it makes anyway).
     */
    public boolean putFinite(double[] flat, int k, Object value) {
        int off = offset(k);
        if (value instanceof Double d) {
            flat[off] = d;
            return Double.isFinite(d);
        }
        double[] src = ((Tensor) value).data;
        if (src.length != size(k)) {
            throw new IllegalStateException(names.get(k) + ": expected " + size(k) + " entries, got " + src.length);
        }
        long least = EXPONENT;
        for (int i = 0; i < src.length; i++) {
            double x = src[i];
            flat[off + i] = x;
            least = Math.min(least, exponentGap(x));
        }
        return least != 0;
    }

    /** Adds value k into the flat vector (for accumulating cotangents). */
    public void add(double[] flat, int k, Object value) {
        addFinite(flat, k, value);
    }

    /** Like {@link #add}, and says whether every sum written is finite, found in the same pass. */
    public boolean addFinite(double[] flat, int k, Object value) {
        int off = offset(k);
        if (value instanceof Double d) {
            flat[off] += d;
            return Double.isFinite(flat[off]);
        }
        double[] src = ((Tensor) value).data;
        long least = EXPONENT;
        for (int i = 0; i < src.length; i++) {
            double x = flat[off + i] + src[i];
            flat[off + i] = x;
            least = Math.min(least, exponentGap(x));
        }
        return least != 0;
    }

    private static final long EXPONENT = 0x7ff0_0000_0000_0000L;

    /** 0 exactly when {@code x} is NaN or infinite (all exponent bits set), positive otherwise. */
    private static long exponentGap(double x) {
        return (Double.doubleToRawLongBits(x) & EXPONENT) ^ EXPONENT;
    }

    /** The index of the first entry of {@code flat} that is NaN or infinite, or -1. */
    public static int firstNonFinite(double[] flat) {
        for (int i = 0; i < flat.length; i++) {
            if (!Double.isFinite(flat[i])) return i;
        }
        return -1;
    }

    /**
     * The value entry {@code index} of the flat vector belongs to, as the .hyp file names it: {@code c} for a
     * real, {@code w[2]} or {@code W[1, 0]} (row-major) for a tensor entry.
     */
    public String entryName(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("entry " + index + " of a layout of " + size());
        }
        int k = 0;
        int off = 0;
        while (off + size(k) <= index) off += size(k++);
        int[] shape = shapes.get(k);
        if (shape.length == 0) return names.get(k);
        int[] at = new int[shape.length];
        int rest = index - off;
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = rest % shape[d];
            rest /= shape[d];
        }
        StringBuilder s = new StringBuilder(names.get(k)).append('[');
        for (int d = 0; d < at.length; d++) s.append(d == 0 ? "" : ", ").append(at[d]);
        return s.append(']').toString();
    }

    /** The shape of a value: its tensor shape, or none for a real. */
    public static int[] shapeOf(Object value) {
        return value instanceof Tensor t ? t.shape.clone() : new int[0];
    }
}
