package hyp.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vectors that must agree entry by entry, relative to the largest entry of the expected one. */
public final class Agreement {
    private Agreement() {}

    /** Each entry within {@code rel} times max|expected|, which must not vanish. */
    public static void close(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        assertTrue(scale > 0, what + ": the hypergradient should not vanish");
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], rel * scale, what + "[" + i + "]");
    }
}
