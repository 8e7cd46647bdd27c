package hyp.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import hyp.runtime.hyper.NonFiniteValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flat entries named back by their .hyp names, and the finiteness found in the copying pass. */
class LayoutTest {
    private static final Layout LAYOUT = new Layout(List.of("c", "w", "W"), List.of(new int[0], new int[] {3},
            new int[] {2, 3}));

    @Test
    void entryNamesAreRowMajorIndicesOfTheValue() {
        assertEquals("c", LAYOUT.entryName(0));
        assertEquals("w[0]", LAYOUT.entryName(1));
        assertEquals("w[2]", LAYOUT.entryName(3));
        assertEquals("W[0, 0]", LAYOUT.entryName(4));
        assertEquals("W[1, 2]", LAYOUT.entryName(9));
        assertThrows(IndexOutOfBoundsException.class, () -> LAYOUT.entryName(10));
    }

    @Test
    void putFiniteCopiesAndTellsEveryKindOfNonFiniteValue() {
        double[] flat = new double[LAYOUT.size()];
        assertTrue(LAYOUT.putFinite(flat, 1, Tensor.vector(1, -0.0, Double.MAX_VALUE)));
        assertArrayEquals(new double[] {1, -0.0, Double.MAX_VALUE}, java.util.Arrays.copyOfRange(flat, 1, 4), 0.0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7ff0_0000_0000_0001L)}) {
            assertFalse(LAYOUT.putFinite(flat, 1, Tensor.vector(0, bad, 0)), String.valueOf(bad));
            assertFalse(LAYOUT.putFinite(flat, 0, bad), String.valueOf(bad));
        }
        assertTrue(LAYOUT.putFinite(flat, 0, Double.MIN_VALUE));
        assertEquals(2, Layout.firstNonFinite(new double[] {0, 1, Double.NaN, Double.NaN}));
        assertEquals(-1, Layout.firstNonFinite(new double[] {0, 1}));
    }

    @Test
    void addFiniteCatchesSumsThatOverflow() {
        double[] flat = {Double.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertFalse(LAYOUT.addFinite(flat, 0, Double.MAX_VALUE));
        double[] w = {0, 1, Double.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0};
        assertFalse(LAYOUT.addFinite(w, 1, Tensor.vector(0, Double.MAX_VALUE, 0)));
        assertTrue(LAYOUT.addFinite(w, 2, new Tensor(new double[6], 2, 3)));
    }

    @Test
    void stepByStepRunsNameTheStateVariableStepAndEntry() {
        Object[] state = {Tensor.vector(1, 2), new Tensor(new double[] {0, 0, 0, Double.NaN}, 2, 2)};
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> FiniteStates.require(List.of("w", "m"), state, 4));
        assertEquals("state 'm' after step 4 is not finite: m[1, 1] = NaN (the optimizer diverged: try a smaller step"
                + " size or fewer steps)", e.getMessage());
        assertEquals(4, e.step());
        assertEquals("m[1, 1]", e.entry());
        FiniteStates.require(List.of("w"), new Object[] {1.0}, 0);
    }
}
