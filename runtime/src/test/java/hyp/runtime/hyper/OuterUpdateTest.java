package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OuterUpdateTest {
    @Test
    void sgdStepsAgainstTheGradient() {
        double[] lambda = {1, -2, 0.5};
        new SgdUpdate(0.1).apply(lambda, new double[] {2, -4, 0});
        assertArrayEquals(new double[] {0.8, -1.6, 0.5}, lambda, 1e-15);
    }

    /** With a constant gradient g the bias-corrected moments are exactly g and g², so each step is η·g/(|g| + ε). */
    @Test
    void adamTakesStepsOfTheLearningRateUnderAConstantGradient() {
        double[] lambda = {0, 0, 0};
        double[] g = {3e-4, -50, 2};
        AdamUpdate adam = new AdamUpdate(0.1, 0.9, 0.999, 1e-8);
        for (int step = 1; step <= 3; step++) {
            adam.apply(lambda, g);
            double[] expected = new double[3];
            for (int i = 0; i < 3; i++) expected[i] = -step * 0.1 * g[i] / (Math.abs(g[i]) + 1e-8);
            assertArrayEquals(expected, lambda, 1e-12, "after step " + step);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SgdUpdate(0));
        assertThrows(IllegalArgumentException.class, () -> new AdamUpdate(0.1, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new SgdUpdate(0.1).apply(new double[2], new double[3]));
    }
}
