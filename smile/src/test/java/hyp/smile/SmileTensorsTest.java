package hyp.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import org.junit.jupiter.api.Test;
import smile.math.matrix.Matrix;

class SmileTensorsTest {
    @Test
    void aMatrixBecomesARowMajorTensorAndBack() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor t = SmileTensors.tensor(m);
        assertArrayEquals(new int[] {2, 3}, t.shape);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.data);
        Matrix back = SmileTensors.matrix(t);
        assertEquals(2, back.nrow());
        assertEquals(3, back.ncol());
        assertEquals(6.0, back.get(1, 2));
        assertEquals(2.0, back.get(0, 1));
    }

    @Test
    void vectorsAreCopied() {
        double[] y = {1, -1, 1};
        Tensor t = SmileTensors.tensor(y);
        y[0] = 7;
        assertArrayEquals(new double[] {1, -1, 1}, t.data);
    }

    @Test
    void onlyRankTwoTensorsBecomeMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmileTensors.matrix(new Tensor(new double[3], 3)));
        assertEquals("a Smile matrix needs a tensor of rank 2, not shape [3]", e.getMessage());
    }
}
