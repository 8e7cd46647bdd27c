package hyp.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import org.junit.jupiter.api.Test;

class TensorLiteralTest {
    @Test
    void readsVectorsAndMatricesInRowMajorOrder() {
        Tensor v = TensorLiteral.parse("[1, -2.5,3e2]");
        assertArrayEquals(new int[] {3}, v.shape);
        assertArrayEquals(new double[] {1, -2.5, 300}, v.data);

        Tensor m = TensorLiteral.parse(" [[1,2,3], [4, 5, 6]] ");
        assertArrayEquals(new int[] {2, 3}, m.shape);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data);

        Tensor cube = TensorLiteral.parse("[[[1],[2]],[[3],[4]]]");
        assertArrayEquals(new int[] {2, 2, 1}, cube.shape);
        assertArrayEquals(new double[] {1, 2, 3, 4}, cube.data);
    }

    @Test
    void readsEmptyVectorsAndSpecialValues() {
        assertArrayEquals(new int[] {0}, TensorLiteral.parse("[]").shape);
        Tensor s = TensorLiteral.parse("[NaN, Infinity, -Infinity]");
        assertTrue(Double.isNaN(s.data[0]));
        assertTrue(s.data[1] == Double.POSITIVE_INFINITY && s.data[2] == Double.NEGATIVE_INFINITY);
    }

    @Test
    void rejectsMalformedText() {
        assertMessage("ragged", "[[1,2],[3]]");
        assertMessage("ragged", "[[1],2]");
        assertMessage("not a number", "[1, x]");
        assertMessage("expected ',' or ']'", "[1 2]");
        assertMessage("expected a number", "[1,");
        assertMessage("starts with '['", "3");
        assertMessage("after the tensor", "[1]]");
    }

    private static void assertMessage(String part, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorLiteral.parse(text));
        assertTrue(e.getMessage().contains(part), () -> "message for " + text + ": " + e.getMessage());
    }
}
