package hyp.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row-blocked pass Xᵀ f(X u) equals the two products made one after the other, to the last bit. */
class RowBlocksTest {
    private static Tensor random(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = r.nextGaussian();
        return t;
    }

    @Test
    void blocksOfRowsGiveTheProductsOfTheWholeMatrix() {
        Random r = new Random(1);
        for (int[] nd : new int[][] {{203, 50}, {1001, 7}, {9, 500}, {1, 3}, {0, 4}, {2003, 50}, {400, 500}}) {
            int n = nd[0], d = nd[1];
            Tensor x = random(r, n, d), u = random(r, d), v = random(r, d), y = random(r, n);
            Tensor zu = Products.matvec(x, u), zv = Products.matvec(x, v);
            Tensor weights = Tensor.zeros(n);
            for (int i = 0; i < n; i++) weights.data[i] = Math.tanh(zu.data[i]) * zv.data[i] - y.data[i];
            Tensor expected = Products.vecmat(weights, x);

            RowBlocks rb = RowBlocks.over(x, 2);
            rb.dot(0, u);
            rb.dot(1, v);
            double[] ys = rb.rows(y);
            int blocks = 0;
            while (rb.next()) {
                blocks++;
                for (int i = 0; i < rb.length; i++) {
                    rb.residual[i] = Math.tanh(rb.dots[0][i]) * rb.dots[1][i] - ys[rb.from + i];
                }
                rb.accumulate();
            }
            assertEquals((n + RowBlocks.blockRows(n, d) - 1) / RowBlocks.blockRows(n, d), blocks, "blocks for " + n + " x " + d);
            assertArrayEquals(expected.data, rb.result().data, 0.0, n + " x " + d);
        }
    }

    @Test
    void blocksFitTheL1CacheAndHoldWholeRowGroups() {
        assertEquals(8, RowBlocks.blockRows(2000, 200)); // 8 rows x 200 x 8 bytes = 12.8 KB
        assertEquals(4, RowBlocks.blockRows(20000, 500));
        assertEquals(4, RowBlocks.blockRows(100, 100_000)); // never fewer than the kernels' four-row group
        assertEquals(200, RowBlocks.blockRows(200, 20)); // 32 KB in all: one block
        assertEquals(100, RowBlocks.blockRows(2000, 20));
    }

    @Test
    void vectorsOfTheWrongLengthAreNamed() {
        RowBlocks rb = RowBlocks.over(Tensor.zeros(5, 3), 1);
        assertEquals("matvec: inner dimensions 3 and 4 differ",
                assertThrows(ShapeMismatchException.class, () -> rb.dot(0, Tensor.zeros(4))).getMessage());
        assertThrows(ShapeMismatchException.class, () -> rb.rows(Tensor.zeros(4)));
    }
}
