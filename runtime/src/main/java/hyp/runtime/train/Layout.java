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

    /** Adds value k into the flat vector (for accumulating cotangents). */
    public void add(double[] flat, int k, Object value) {
        int off = offset(k);
        if (value instanceof Double d) {
            flat[off] += d;
        } else {
            double[] src = ((Tensor) value).data;
            for (int i = 0; i < src.length; i++) flat[off + i] += src[i];
        }
    }

    /** The shape of a value: its tensor shape, or none for a real. */
    public static int[] shapeOf(Object value) {
        return value instanceof Tensor t ? t.shape.clone() : new int[0];
    }
}
