package hyp.runtime.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedPointFormatTest {

    @Test
    void representableValuesRoundTripExactly() {
        FixedPointFormat f = new FixedPointFormat(20);
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            long m = rnd.nextLong() >> 12;           // within ±2^51, so the double holds it exactly
            double v = m / 1048576.0;
            assertEquals(m, f.fromDouble(v));
            assertEquals(v, f.toDouble(m));
        }
    }

    @Test
    void roundsToNearestWithTiesToEven() {
        FixedPointFormat f = new FixedPointFormat(4);     // unit 1/16
        assertEquals(0, f.fromDouble(0.5 / 16));         // half a unit: tie, to even 0
        assertEquals(2, f.fromDouble(1.5 / 16));         // tie, to even 2
        assertEquals(-2, f.fromDouble(-1.5 / 16));
        assertEquals(1, f.fromDouble(0.51 / 16));
        assertEquals(-1, f.fromDouble(-0.51 / 16));
        Random rnd = new Random(2);
        for (int i = 0; i < 1000; i++) {
            double v = (rnd.nextDouble() - 0.5) * 1e6;
            assertTrue(Math.abs(f.toDouble(f.fromDouble(v)) - v) <= 0.5 / 16, "error above half a unit at " + v);
        }
    }

    @Test
    void outOfRangeAndNonFiniteValuesThrowInsteadOfWrapping() {
        FixedPointFormat f = new FixedPointFormat(61);    // range [-4, 4)
        assertEquals(Long.MIN_VALUE, f.fromDouble(-4.0));
        assertThrows(FixedPointOverflowException.class, () -> f.fromDouble(4.0));
        assertThrows(FixedPointOverflowException.class, () -> f.fromDouble(-4.0000001));
        assertThrows(FixedPointOverflowException.class, () -> f.fromDouble(Double.NaN));
        assertThrows(FixedPointOverflowException.class, () -> f.fromDouble(Double.POSITIVE_INFINITY));
        assertEquals(4.0, f.range());
        assertThrows(IllegalArgumentException.class, () -> new FixedPointFormat(63));
    }

    @Test
    void scalarAddAndSubtractDetectOverflow() {
        FixedPointFormat f = new FixedPointFormat(10);
        assertThrows(FixedPointOverflowException.class, () -> f.add(Long.MAX_VALUE, 1));
        assertThrows(FixedPointOverflowException.class, () -> f.add(Long.MIN_VALUE, -1));
        assertThrows(FixedPointOverflowException.class, () -> f.subtract(Long.MIN_VALUE, 1));
        assertThrows(FixedPointOverflowException.class, () -> f.subtract(0, Long.MIN_VALUE));
        assertEquals(Long.MAX_VALUE, f.add(Long.MAX_VALUE - 5, 5));
        assertEquals(Long.MIN_VALUE, f.subtract(-1, Long.MAX_VALUE));
    }

    @Test
    void addThenSubtractRestoresBitForBit() {
        FixedPointFormat f = new FixedPointFormat(40);
        Random rnd = new Random(3);
        long[] x = new long[257];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextLong() >> 8;
        }
        long[] original = x.clone();
        double[][] increments = new double[50][x.length];
        for (double[] inc : increments) {
            for (int i = 0; i < inc.length; i++) {
                inc[i] = rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(50) - 40);   // mostly not representable
            }
            f.add(x, inc, "w", 0);
        }
        assertNotEquals(original[0], x[0]);
        for (int s = increments.length - 1; s >= 0; s--) {
            f.subtract(x, increments[s], "w", s);
        }
        assertArrayEquals(original, x);
    }

    @Test
    void arrayOverflowNamesVariableIndexAndStep() {
        FixedPointFormat f = new FixedPointFormat(60);    // range [-8, 8)
        long[] x = {0, f.fromDouble(7.5), 0};
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
                () -> f.add(x, new double[] {1, 1, 1}, "momentum", 42));
        assertEquals("momentum", e.variable());
        assertEquals(1, e.index());
        assertEquals(42, e.step());
        assertTrue(e.getMessage().contains("momentum[1] at step 42"), e.getMessage());
        FixedPointOverflowException big = assertThrows(FixedPointOverflowException.class,
                () -> f.subtract(new long[2], new double[] {0, 1e300}, "v", 7));
        assertEquals(1, big.index());
        assertTrue(big.getMessage().contains("v[1] at step 7"), big.getMessage());
    }
}
