package hyp.runtime.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.exact.FixedPointFormat;
import org.junit.jupiter.api.Test;

/** The chosen fixed-point ranges hold what the run reaches with headroom, and no more bits are given away. */
class FixedPointFormatsTest {
    @Test
    void theRangeHoldsEightTimesTheLargestValueAndOneMoreBitWouldNot() {
        for (double largest : new double[] {1e-9, 3e-4, 0.07, 0.5, 1.0, 1.5, 3.0, 1000.0, 7.3e9}) {
            int d = FixedPointFormats.fracBitsFor(largest);
            FixedPointFormat f = new FixedPointFormat(d);
            if (d < 62) {
                assertTrue(f.range() >= 8 * largest, largest + ": range " + f.range());
                assertTrue(new FixedPointFormat(d + 1).range() < 16 * largest, largest + ": D = " + d + " is not the most");
            } else {
                assertTrue(f.range() >= 8 * largest, largest + ": range " + f.range());
            }
        }
        assertEquals(62, FixedPointFormats.fracBitsFor(0));
        assertEquals(0, FixedPointFormats.fracBitsFor(1e30));
    }

    @Test
    void implicitTargetsGetAGridOnWhichTheirDoubleViewIsExact() {
        for (double largest : new double[] {1e-3, 0.2, 1.0, 5.0, 300.0}) {
            int d = FixedPointFormats.searchableBitsFor(largest, 0);
            double raw = Math.scalb(largest, d);
            assertTrue(raw < 0x1p53, largest + ": " + raw + " grid units need more than 53 bits");
            assertTrue(d == 62 || Math.scalb(largest, d + 1) >= 0x1p53, largest + ": the grid could be finer");
        }
        // four times coarser than the last place of the largest increment, when that is the coarser bound
        int d = FixedPointFormats.searchableBitsFor(1e-3, 0.01);
        assertTrue(Math.scalb(1.0, -d) >= 4 * Math.ulp(0.01) && Math.scalb(1.0, -d) <= 16 * Math.ulp(0.01));
    }

    @Test
    void observedFormatsFitTheRun() {
        Quadratic q = new Quadratic(4, 5);
        UpdateSequence seq = q.momentum(0.1, "0.9");
        double[] lambda = {-1, -1, -1, -1};
        FixedPointFormat[] f = FixedPointFormats.observe(seq, new double[8], lambda, 500);
        FloatReversibleStep run = new FloatReversibleStep(seq);
        run.start(new double[8], lambda);
        double[] s = new double[8];
        for (int t = 0; t < 500; t++) {
            run.forward();
            run.view(s);
            for (int i = 0; i < 8; i++) assertTrue(Math.abs(s[i]) * 8 <= f[i / 4].range(), "entry " + i + " at step " + t);
        }
    }
}
