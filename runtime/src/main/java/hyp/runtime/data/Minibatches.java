package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.util.Arrays;

/**
 * Which rows of a training set each optimizer step reads: the set of {@code rows} examples is shuffled once per
 * epoch and cut into consecutive batches of {@code size} rows; the last batch of an epoch holds the
 * {@code rows mod size} rows left over when the size does not divide the set (it is kept, so every example is seen
 * once per epoch).
 *
 * <p>The rule, so that any implementation can reproduce it: step t (0 for the first step) falls in epoch
 * e = t / B and is batch b = t mod B of it, with B = ⌈rows / size⌉. Epoch e's order is a Fisher–Yates shuffle of
 * 0 … rows−1 (for i from rows−1 down to 1, swap i with j = below(i + 1)) driven by the SplitMix64 stream
 * {@code (seed, e)} of {@link SeededRandom}; batch b is positions [b·size, min((b+1)·size, rows)) of that order,
 * taken in ascending row order (so a batch of the whole set is the set itself, row for row). Every step index
 * maps to one batch, whoever asks: recomputed and reversed steps see the batches they saw first.
 */
public final class Minibatches {
    private final int rows;
    private final int size;
    private final long seed;
    /** The last epoch's order, cached: checkpointing recomputes steps of one epoch many times. */
    private volatile Order last;

    private record Order(int epoch, int[] rows) {}

    /** @throws IllegalArgumentException unless 1 ≤ size ≤ rows */
    public Minibatches(int rows, int size, long seed) {
        if (size < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        if (size > rows) {
            throw new IllegalArgumentException("batch size " + size + " is larger than the training set (" + rows + " rows)");
        }
        this.rows = rows;
        this.size = size;
        this.seed = seed;
    }

    public int rows() {
        return rows;
    }

    public int size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    /** ⌈rows / size⌉: steps per epoch. */
    public int batchesPerEpoch() {
        return (rows + size - 1) / size;
    }

    /** Whether every batch is the whole set (then no row is ever moved). */
    public boolean whole() {
        return size == rows;
    }

    /** The rows step t (0-based) reads, ascending. */
    public int[] rows(int t) {
        if (t < 0) throw new IllegalArgumentException("step index must be >= 0, got " + t);
        int per = batchesPerEpoch();
        int epoch = t / per;
        int b = t % per;
        int[] order = order(epoch);
        int from = b * size;
        int to = Math.min(from + size, rows);
        int[] out = Arrays.copyOfRange(order, from, to);
        Arrays.sort(out);
        return out;
    }

    /** Step t's batch of a tensor whose first axis runs over the rows: the tensor itself when the batch is whole. */
    public Tensor take(Tensor full, int t) {
        if (full.rank() < 1 || full.shape[0] != rows) {
            throw new IllegalArgumentException("minibatch: expected " + rows + " rows, got shape "
                    + Arrays.toString(full.shape));
        }
        if (whole()) return full;
        int[] picked = rows(t);
        int width = rows == 0 ? 0 : full.data.length / rows;
        double[] out = new double[picked.length * width];
        for (int r = 0; r < picked.length; r++) System.arraycopy(full.data, picked[r] * width, out, r * width, width);
        int[] shape = full.shape.clone();
        shape[0] = picked.length;
        return new Tensor(out, shape);
    }

    private int[] order(int epoch) {
        Order o = last;
        if (o != null && o.epoch == epoch) return o.rows;
        int[] order = new SeededRandom(seed, epoch).permutation(rows);
        last = new Order(epoch, order);
        return order;
    }
}
