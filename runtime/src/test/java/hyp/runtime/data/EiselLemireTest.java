package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Eisel–Lemire against {@link Double#parseDouble}: it must be right whenever it answers, and answer almost always. */
class EiselLemireTest {
    private static void assertRightOrRefused(long m, int e10, boolean negative) {
        double got = EiselLemire.toDouble(m, e10, negative);
        if (Double.isNaN(got)) {
            return;
        }
        String text = (negative ? "-" : "") + Long.toUnsignedString(m) + "e" + e10;
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(got), text);
    }

    @Test
    void randomSignificandsAndExponentsAreRoundedCorrectly() {
        Random r = new Random(3);
        int refused = 0;
        int trials = 60_000;
        for (int i = 0; i < trials; i++) {
            long m = r.nextLong() >>> r.nextInt(64);
            if (m == 0) {
                continue;
            }
            int e10 = r.nextInt(600) - 300; // normal range for most significands
            assertRightOrRefused(m, e10, r.nextBoolean());
            if (Double.isNaN(EiselLemire.toDouble(m, e10, false))) {
                refused++;
            }
        }
        assertTrue(refused < trials / 100, refused + " of " + trials + " refused");
    }

    @Test
    void halfwayIntegersAreNeverRoundedTheWrongWay() {
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            // odd integers in [2^53, 2^54) lie exactly halfway between two doubles (the spacing there is 2)
            long m = (1L << 53) + (r.nextLong() >>> (11 + r.nextInt(10))) | 1;
            assertRightOrRefused(m, 0, false);
            assertRightOrRefused(m, r.nextInt(40) - 20, false);
        }
        assertRightOrRefused(9007199254740993L, 0, false);
        assertRightOrRefused(9007199254740995L, 0, false);
    }

    @Test
    void extremesAreRefusedOrRight() {
        long[] ms = {1, 9, 17976931348623157L, 22250738585072014L, 49406564584124654L, -1L};
        for (long m : ms) {
            for (int e = -345; e <= 345; e += 1) {
                assertRightOrRefused(m, e, false);
            }
        }
        assertTrue(Double.isNaN(EiselLemire.toDouble(1, 400, false)), "beyond the table");
        assertTrue(Double.isNaN(EiselLemire.toDouble(1, -400, false)), "beyond the table");
    }
}
