package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperbolicTangentTest {
    private static final double[] SPECIALS = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-17, 1e-8,
        0.55, -0.55, Math.nextDown(0.55), 0.34657359027997264, 1.0, -1.0, 19.0, -19.06, 22.0, -22.0, 23.0, 710.0,
        -1e308, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** Random points over the ranges that take different paths: tiny, the polynomial, the exponential, the clamp. */
    private static double[] sample(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> x[i] = rnd.nextGaussian();
                case 1 -> x[i] = 0.55 * (2 * rnd.nextDouble() - 1);
                case 2 -> x[i] = 50 * (rnd.nextDouble() - 0.5);
                default -> x[i] = Math.scalb(rnd.nextDouble() - 0.5, -rnd.nextInt(1080));
            }
        }
        System.arraycopy(SPECIALS, 0, x, 0, SPECIALS.length);
        return x;
    }

    @Test
    void withinTwoUlpOfStrictMath() {
        double[] x = sample(new Random(11), 400_000);
        double worst = 0;
        for (double v : x) {
            double ours = HyperbolicTangent.tanh(v), ref = StrictMath.tanh(v);
            if (Double.isNaN(ref)) {
                assertTrue(Double.isNaN(ours), "tanh(" + v + ")");
                continue;
            }
            worst = Math.max(worst, Math.abs(ours - ref) / Math.ulp(ref));
            assertTrue(Math.abs(ours - ref) <= 2 * Math.ulp(ref), "tanh(" + v + ") = " + ours + ", StrictMath " + ref);
        }
        assertTrue(worst > 0, "some points differ from StrictMath, so the comparison is not with itself");
    }

    @Test
    void oddWithSignedZerosAndLimits() {
        for (double v : sample(new Random(12), 20_000)) {
            if (!Double.isNaN(v)) assertEquals(-HyperbolicTangent.tanh(v), HyperbolicTangent.tanh(-v), 0.0, "at " + v);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(HyperbolicTangent.tanh(-0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(HyperbolicTangent.tanh(0.0)));
        assertEquals(Double.MIN_VALUE, HyperbolicTangent.tanh(Double.MIN_VALUE));
        assertEquals(1.0, HyperbolicTangent.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, HyperbolicTangent.tanh(-1e308));
        assertTrue(Double.isNaN(HyperbolicTangent.tanh(Double.NaN)));
    }

    @Test
    void vectorKernelGivesTheScalarBits() {
        Random rnd = new Random(13);
        for (int n : Reference.EDGE_SIZES) {
            double[] x = sample(rnd, Math.max(n, SPECIALS.length));
            double[] out = new double[x.length];
            HyperbolicTangent.tanh(x, out, x.length);
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i++) expected[i] = HyperbolicTangent.tanh(x[i]);
            Reference.assertBitsEqual(expected, out, "n=" + x.length);
            HyperbolicTangent.tanh(x, x, x.length);
            Reference.assertBitsEqual(expected, x, "in place, n=" + x.length);
        }
    }
}
