package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.util.Arrays;

/**
 * Labelled examples: inputs {@code x} (rows × features) and one label per row in {@code y}.
 *
 * @param x rank 2, one example per row
 * @param y rank 1, as many labels as {@code x} has rows
 */
public record Dataset(Tensor x, Tensor y) {
    public Dataset {
        if (x.rank() != 2 || y.rank() != 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("Dataset: need x of shape [n, d] and y of shape [n], got "
                    + Arrays.toString(x.shape) + " and " + Arrays.toString(y.shape));
        }
    }

    /** Number of examples. */
    public int rows() {
        return x.dim(0);
    }

    /** Number of input features. */
    public int features() {
        return x.dim(1);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IndexOutOfBoundsException("Dataset.slice: rows [" + from + ", " + to + ") of " + rows());
        }
        int d = features();
        return new Dataset(new Tensor(Arrays.copyOfRange(x.data, from * d, to * d), to - from, d),
                new Tensor(Arrays.copyOfRange(y.data, from, to), to - from));
    }

    /**
     * Shuffles the rows with {@code seed} and holds out {@code validationRows} of them; the remaining
     * rows keep their shuffled order in the training part.
     *
     * @throws IllegalArgumentException unless {@code 0 < validationRows < rows()}
     */
    public Split split(int validationRows, long seed) {
        int n = rows();
        if (validationRows <= 0 || validationRows >= n) {
            throw new IllegalArgumentException("Dataset.split: validation rows must be between 1 and "
                    + (n - 1) + " for " + n + " examples, got " + validationRows);
        }
        int[] order = new SeededRandom(seed, 0x5117).permutation(n);
        int train = n - validationRows;
        return new Split(pick(order, 0, train), pick(order, train, n));
    }

    private Dataset pick(int[] order, int from, int to) {
        int d = features();
        int m = to - from;
        double[] xs = new double[m * d];
        double[] ys = new double[m];
        for (int r = 0; r < m; r++) {
            int src = order[from + r];
            System.arraycopy(x.data, src * d, xs, r * d, d);
            ys[r] = y.data[src];
        }
        return new Dataset(new Tensor(xs, m, d), new Tensor(ys, m));
    }
}
