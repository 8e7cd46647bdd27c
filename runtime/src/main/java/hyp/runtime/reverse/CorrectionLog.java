package hyp.runtime.reverse;

import java.util.Arrays;

/**
 * The information an implicit update loses: for x' = x + round(f(x)) on the fixed-point grid two
 * neighbouring x can give the same x', so the inverse's search may land on the wrong one. The forward step
 * runs that same deterministic search and records, per element where it misses, the difference between the
 * true rounded increment and the one found. A stack: the inverse consumes the entries of a step in exactly
 * the reverse order the forward wrote them. Usually empty or sparse; its size is reported with the buffer's.
 */
final class CorrectionLog {
    /** Bytes one entry takes: its key, element and difference. */
    static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES + Long.BYTES;

    private long[] keys = new long[0];
    private int[] elements = new int[0];
    private long[] deltas = new long[0];
    private int size;
    private int peak;

    void push(int step, int group, int element, long delta) {
        if (size == keys.length) {
            int capacity = Math.max(16, 2 * size);
            keys = Arrays.copyOf(keys, capacity);
            elements = Arrays.copyOf(elements, capacity);
            deltas = Arrays.copyOf(deltas, capacity);
        }
        keys[size] = key(step, group);
        elements[size] = element;
        deltas[size] = delta;
        size++;
        peak = Math.max(peak, size);
    }

    /** Adds the corrections recorded for (step, group) into {@code increments} and forgets them. */
    void pop(int step, int group, long[] increments) {
        long key = key(step, group);
        while (size > 0 && keys[size - 1] == key) {
            size--;
            increments[elements[size]] = Math.addExact(increments[elements[size]], deltas[size]);
        }
    }

    int size() {
        return size;
    }

    /** The most entries held at once since the last {@link #clear()}. */
    int peak() {
        return peak;
    }

    void clear() {
        size = 0;
        peak = 0;
        keys = new long[0];
        elements = new int[0];
        deltas = new long[0];
    }

    private static long key(int step, int group) {
        return ((long) step << 20) | group;
    }
}
