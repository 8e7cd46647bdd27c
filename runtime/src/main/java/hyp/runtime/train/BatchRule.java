package hyp.runtime.train;

import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import java.util.List;
import java.util.Map;

/**
 * A train statement's batch clause: which data are cut into minibatches (those its training loss reads whose first
 * dimension is the batch dimension), the batch size, the shuffle seed, and whether the statement counts epochs
 * rather than steps.
 */
public record BatchRule(String dimension, List<String> data, int size, long seed, boolean epochs) {
    public BatchRule {
        data = List.copyOf(data);
        if (data.isEmpty()) throw new IllegalArgumentException("a batch rule needs at least one batched data");
    }

    /**
     * The batches for these values of the data.
     *
     * @throws IllegalArgumentException when the batched data differ in rows, or the size is 0 or above the rows
     */
    public Minibatches bind(Map<String, Object> values) {
        int rows = -1;
        String first = null;
        for (String name : data) {
            Object v = values.get(name);
            if (!(v instanceof Tensor t) || t.rank() < 1) {
                throw new IllegalArgumentException("no tensor value for batched data '" + name + "'");
            }
            if (rows < 0) {
                rows = t.shape[0];
                first = name;
            } else if (t.shape[0] != rows) {
                throw new IllegalArgumentException("batched data '" + first + "' has " + rows + " rows but '" + name
                        + "' has " + t.shape[0]);
            }
        }
        if (size > rows) {
            throw new IllegalArgumentException("batch " + size + " is larger than the training set: data '" + first
                    + "' has " + rows + " rows (" + dimension + " = " + rows + ")");
        }
        return new Minibatches(rows, size, seed);
    }

    /** Optimizer steps for a statement asking for {@code count} steps or epochs. */
    public int steps(int count, Minibatches batches) {
        if (!epochs) return count;
        long steps = (long) count * batches.batchesPerEpoch();
        if (steps > Integer.MAX_VALUE) throw new IllegalArgumentException(count + " epochs are more than " + Integer.MAX_VALUE + " steps");
        return (int) steps;
    }
}
