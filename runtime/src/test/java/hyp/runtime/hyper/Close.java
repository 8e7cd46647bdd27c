package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** Norm-wise relative comparison of vectors: ‖actual − expected‖∞ ≤ tol·‖expected‖∞. */
final class Close {
    private Close() {}

    static void assertRelative(double[] expected, double[] actual, double tol, String what) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(expected.length == actual.length && scale > 0 && diff <= tol * scale,
                what + ": relative difference " + (diff / scale) + " > " + tol + "\n expected " + Arrays.toString(expected)
                        + "\n actual   " + Arrays.toString(actual));
    }
}
