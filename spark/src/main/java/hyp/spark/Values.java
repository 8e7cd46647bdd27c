package hyp.spark;

import hyp.runtime.Tensor;
import java.io.Serializable;

/** A tensor's entries and shape in a form Spark can ship (the runtime's {@link Tensor} is not serializable). */
record Values(double[] data, int[] shape) implements Serializable {
    static Values of(Tensor t) {
        return new Values(t.data.clone(), t.shape.clone());
    }

    Tensor tensor() {
        return new Tensor(data, shape);
    }

    /** The rows {@code rows} (ascending indices into this value's first dimension), as a new value. */
    Values rows(int[] rows) {
        int width = shape[0] == 0 ? 0 : data.length / shape[0];
        double[] out = new double[rows.length * width];
        for (int k = 0; k < rows.length; k++) System.arraycopy(data, rows[k] * width, out, k * width, width);
        int[] s = shape.clone();
        s[0] = rows.length;
        return new Values(out, s);
    }
}
