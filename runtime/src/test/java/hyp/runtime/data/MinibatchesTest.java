package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The minibatch schedule: each epoch a permutation cut into batches, reproducible from its seed, in any call order. */
class MinibatchesTest {
    @Test
    void everyEpochSeesEveryRowOnceInBatchesOfTheSizeWithAPartialLastOne() {
        Minibatches m = new Minibatches(23, 5, 42);
        assertEquals(5, m.batchesPerEpoch());
        for (int epoch = 0; epoch < 4; epoch++) {
            int[] seen = new int[23];
            for (int b = 0; b < 5; b++) {
                int[] rows = m.rows(epoch * 5 + b);
                assertEquals(b < 4 ? 5 : 3, rows.length);
                for (int i = 1; i < rows.length; i++) assertTrue(rows[i - 1] < rows[i], "ascending");
                for (int r : rows) seen[r]++;
            }
            for (int r = 0; r < 23; r++) assertEquals(1, seen[r], "epoch " + epoch + " row " + r);
        }
    }

    @Test
    void theSameSeedGivesTheSameBatchesWhateverOrderTheyAreAskedIn() {
        Minibatches forward = new Minibatches(50, 8, 7), backward = new Minibatches(50, 8, 7);
        int[][] a = new int[30][], b = new int[30][];
        for (int t = 0; t < 30; t++) a[t] = forward.rows(t);
        for (int t = 29; t >= 0; t--) b[t] = backward.rows(t);
        for (int t = 0; t < 30; t++) assertArrayEquals(a[t], b[t], "step " + t);
        assertFalse(Arrays.equals(a[0], new Minibatches(50, 8, 8).rows(0)), "another seed shuffles otherwise");
        assertFalse(Arrays.equals(a[0], a[7]), "epochs are shuffled anew");
    }

    @Test
    void takeGathersRowsOfAnyRankAndAWholeBatchIsTheTensorItself() {
        Tensor t = new Tensor(new double[] {0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51}, 6, 1, 2);
        Minibatches m = new Minibatches(6, 4, 3);
        for (int step = 0; step < 4; step++) {
            int[] rows = m.rows(step);
            Tensor b = m.take(t, step);
            assertArrayEquals(new int[] {rows.length, 1, 2}, b.shape);
            for (int i = 0; i < rows.length; i++) {
                assertEquals(10 * rows[i], b.data[2 * i]);
                assertEquals(10 * rows[i] + 1, b.data[2 * i + 1]);
            }
        }
        assertSame(t, new Minibatches(6, 6, 3).take(t, 5));
        assertThrows(IllegalArgumentException.class, () -> m.take(new Tensor(new double[5], 5), 0));
    }

    @Test
    void aBatchOfZeroOrMoreThanTheSetIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Minibatches(10, 0, 1)).getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Minibatches(10, 11, 1)).getMessage()
                .contains("larger than the training set (10 rows)"));
    }
}
