package hyp.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void constructorChecksElementCountAndNegativeDims() {
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new double[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new double[0], 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(-3));
        Tensor empty = new Tensor(new double[0], 3, 0, 2);
        assertEquals(0, empty.size());
        assertEquals(3, empty.rank());
    }

    @Test
    void shapeIsCopiedButDataIsShared() {
        int[] shape = {2, 2};
        double[] data = {1, 2, 3, 4};
        Tensor t = new Tensor(data, shape);
        shape[0] = 4;
        data[3] = 9;
        assertArrayEquals(new int[] {2, 2}, t.shape);
        assertEquals(9.0, t.get(1, 1));
    }

    @Test
    void factoriesFillAsNamed() {
        assertArrayEquals(new double[6], Tensor.zeros(2, 3).data);
        assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).data);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, Tensor.fill(2.5, 2, 1, 2).data);
        Tensor s = Tensor.zeros();
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        double[] v = {1, 2};
        Tensor tv = Tensor.vector(v);
        v[0] = 7;
        assertEquals(1.0, tv.get(0));
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.shape);
        assertEquals(6.0, m.get(1, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.matrix(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void indexingIsRowMajorAndChecked() {
        Tensor t = new Tensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2);
        assertEquals(2, t.dim(0));
        assertEquals(3, t.dim(1));
        assertEquals(1 * 6 + 2 * 2 + 1, t.get(1, 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> t.get(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.dim(3));
    }

    @Test
    void copyIsDeepAndEqualityIsShapeAndExactData() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor b = a.copy();
        assertNotSame(a.data, b.data);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        b.data[0] = Math.nextUp(1.0);
        assertNotEquals(a, b);
        assertNotEquals(a, new Tensor(a.data.clone(), 4));
        assertTrue(a.sameShape(b));
        assertFalse(a.sameShape(Tensor.zeros(4)));
        assertEquals(new Tensor(new double[] {Double.NaN}, 1), new Tensor(new double[] {Double.NaN}, 1));
    }

    @Test
    void toMatrixRoundTrips() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Tensor t = Tensor.matrix(rows);
        double[][] back = t.toMatrix();
        assertArrayEquals(rows, back);
        back[0][0] = 9;
        assertEquals(1.0, t.get(0, 0));
        assertThrows(IllegalStateException.class, () -> Tensor.zeros(3).toMatrix());
    }

    @Test
    void toStringNestsBrackets() {
        assertEquals("[[1.0, 2.0], [3.0, 4.0]]", Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("[0.5, -1.0E-7]", Tensor.vector(0.5, -1e-7).toString());
        assertEquals("2.5", Tensor.fill(2.5).toString());
        assertEquals("[[[1.0], [2.0]]]", new Tensor(new double[] {1, 2}, 1, 2, 1).toString());
        assertEquals("[]", Tensor.zeros(0).toString());
        assertEquals("[[], []]", Tensor.zeros(2, 0).toString());
    }
}
