package hyp.runtime.kernels;

import static hyp.runtime.kernels.Reference.EDGE_SIZES;
import static hyp.runtime.kernels.Reference.assertClose;
import static hyp.runtime.kernels.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Blas1Test {
    private final Random rnd = new Random(11);

    @Test
    void dotMatchesExactSumForEveryLengthAndOffset() {
        for (int n : EDGE_SIZES) {
            for (int off : new int[] {0, 1, 5}) {
                double[] x = random(rnd, n + off);
                double[] y = random(rnd, n + 2 * off);
                double[] xs = java.util.Arrays.copyOfRange(x, off, off + n);
                double[] ys = java.util.Arrays.copyOfRange(y, 2 * off, 2 * off + n);
                double expected = Reference.exactDot(xs, ys, n);
                double scale = Reference.absDot(xs, ys, n);
                assertClose(expected, Blas1.dot(x, off, y, 2 * off, n), 1e-14, scale, "dot n=" + n);
            }
        }
    }

    @Test
    void axpyAddsScaledVectorAndLeavesTheRestAlone() {
        for (int n : EDGE_SIZES) {
            double[] x = random(rnd, n + 3);
            double[] y = random(rnd, n + 3);
            double[] expected = y.clone();
            for (int i = 0; i < n; i++) {
                expected[i + 2] = y[i + 2] + 0.7 * x[i + 1];
            }
            Blas1.axpy(0.7, x, 1, y, 2, n);
            Reference.assertAllClose(expected, y, 1e-15, 1.0, "axpy n=" + n);
            assertEquals(expected[0], y[0]);
            assertEquals(expected[1], y[1]);
        }
    }

    @Test
    void scaleIsExactlyTheScalarProduct() {
        for (int n : EDGE_SIZES) {
            double[] x = random(rnd, n);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = x[i] * -3.25;
            }
            Blas1.scale(-3.25, x, n);
            Reference.assertBitsEqual(expected, x, "scale n=" + n);
        }
    }

    @Test
    void sumMatchesExactSum() {
        for (int n : EDGE_SIZES) {
            double[] x = random(rnd, n);
            BigDecimal s = BigDecimal.ZERO;
            for (double v : x) {
                s = s.add(new BigDecimal(v));
            }
            assertClose(s.round(MathContext.DECIMAL128).doubleValue(), Blas1.sum(x, n), 1e-14,
                    Reference.sumAbs(x), "sum n=" + n);
        }
    }

    @Test
    void maxFindsLargestAnywhereAndPropagatesNaN() {
        assertEquals(Double.NEGATIVE_INFINITY, Blas1.max(new double[0], 0));
        for (int n : EDGE_SIZES) {
            if (n == 0) {
                continue;
            }
            for (int pos : new int[] {0, n / 2, n - 1}) {
                double[] x = random(rnd, n);
                x[pos] = 5.0;
                assertEquals(5.0, Blas1.max(x, n), "max n=" + n + " pos=" + pos);
                x[(pos + 1) % n] = Double.NaN;
                assertTrue(Double.isNaN(Blas1.max(x, n)), "NaN max n=" + n);
            }
        }
    }

    @Test
    void norm2MatchesExactNormAndSurvivesHugeAndTinyEntries() {
        for (int n : EDGE_SIZES) {
            double[] x = random(rnd, n);
            double expected = Math.sqrt(Reference.exactDot(x, x, n));
            assertClose(expected, Blas1.norm2(x, n), 1e-14, expected, "norm2 n=" + n);
        }
        assertEquals(5e300, Blas1.norm2(new double[] {3e300, 4e300}, 2), 1e286);
        assertEquals(5e-310, Blas1.norm2(new double[] {3e-310, 4e-310}, 2), 1e-322);
        assertEquals(Double.POSITIVE_INFINITY, Blas1.norm2(new double[] {1, Double.NEGATIVE_INFINITY}, 2));
        assertTrue(Double.isNaN(Blas1.norm2(new double[] {1e300, Double.NaN, 1e300}, 3)));
        assertEquals(0.0, Blas1.norm2(new double[0], 0));
    }

    @Test
    void logSumExpIsShiftedAndExactForKnownCases() {
        for (int n : EDGE_SIZES) {
            if (n == 0) {
                continue;
            }
            double[] x = random(rnd, n);
            double s = 0;
            for (double v : x) {
                s += Math.exp(v);
            }
            assertClose(Math.log(s), Blas1.logSumExp(x, n), 1e-14, Math.abs(Math.log(s)) + 1, "lse n=" + n);
        }
        // log(e^1000 + e^1000) = 1000 + log 2, which overflows without the shift
        assertEquals(1000 + Math.log(2), Blas1.logSumExp(new double[] {1000, 1000}, 2), 1e-12);
        assertEquals(-1000 + Math.log(3), Blas1.logSumExp(new double[] {-1000, -1000, -1000}, 3), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Blas1.logSumExp(new double[0], 0));
        assertEquals(Double.POSITIVE_INFINITY, Blas1.logSumExp(new double[] {1, Double.POSITIVE_INFINITY}, 2));
    }

    @Test
    void copyAndFillTouchOnlyTheirSlice() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = new double[5];
        Blas1.copy(x, 1, y, 2, 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0, 2, 3, 4}, y);
        Blas1.fill(y, 0, 2, 9);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {9, 9, 2, 3, 4}, y);
    }
}
