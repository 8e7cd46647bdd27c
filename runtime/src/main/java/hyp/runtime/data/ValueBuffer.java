package hyp.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list of doubles kept in fixed-size chunks, so growing it never copies what was read;
 * the one copy happens in {@link #toArray}.
 */
final class ValueBuffer {
    /** Largest element count a Java array (and so a Tensor) can hold on common JVMs. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 16;

    private final List<double[]> full = new ArrayList<>();
    private double[] current = new double[CHUNK];
    private int used;
    private long size;

    void add(double v) {
        if (used == CHUNK) {
            full.add(current);
            current = new double[CHUNK];
            used = 0;
        }
        current[used++] = v;
        size++;
    }

    long size() {
        return size;
    }

    double[] toArray() {
        if (size > MAX_VALUES) {
            throw new IllegalStateException("ValueBuffer: " + size + " values do not fit one array");
        }
        double[] out = new double[(int) size];
        int at = 0;
        for (double[] chunk : full) {
            System.arraycopy(chunk, 0, out, at, CHUNK);
            at += CHUNK;
        }
        System.arraycopy(current, 0, out, at, used);
        return out;
    }
}
