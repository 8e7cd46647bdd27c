package hyp.runtime.kernels;

/**
 * Per-thread reusable work arrays for packing, so that repeated products of the same size do not
 * allocate and zero fresh arrays. A buffer is taken out while in use, so a nested call on the same
 * thread (possible when a fork-join worker helps with other tasks while waiting) gets its own.
 */
final class Scratch {
    /** Slot for packed panels of B. */
    static final int B = 0;
    /** Slot for packed panels of A. */
    static final int A = 1;
    /** Slot for a convolution's patch matrix. */
    static final int COLS = 2;
    /** Buffers larger than this (doubles) are not kept, to bound what idle threads hold on to. */
    private static final int KEEP_LIMIT = 1 << 18;
    private static final ThreadLocal<double[][]> SLOTS = ThreadLocal.withInitial(() -> new double[3][]);

    private Scratch() {
    }

    /** A buffer of at least {@code size} doubles with arbitrary contents. */
    static double[] take(int slot, int size) {
        double[][] slots = SLOTS.get();
        double[] buf = slots[slot];
        slots[slot] = null;
        return buf != null && buf.length >= size ? buf : new double[size];
    }

    /** Returns a buffer from {@link #take} for reuse. */
    static void give(int slot, double[] buf) {
        if (buf.length <= KEEP_LIMIT) {
            SLOTS.get()[slot] = buf;
        }
    }
}
