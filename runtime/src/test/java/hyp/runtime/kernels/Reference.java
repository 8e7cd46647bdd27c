package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

/** Naive reference computations, random data and tolerance checks shared by the kernel tests. */
final class Reference {
    /** Lengths that hit empty, scalar-only, just-below/at/above a vector, and long inputs. */
    static final int[] EDGE_SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 1000, 1031};

    private Reference() {
    }

    static double[] random(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    /** Σ x·y rounded once from the exact sum. */
    static double exactDot(double[] x, double[] y, int n) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
        }
        return s.round(MathContext.DECIMAL128).doubleValue();
    }

    static double absDot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[i] * y[i]);
        }
        return s;
    }

    /** |actual − expected| ≤ rel · scale, with scale the sum of magnitudes that went into it. */
    static void assertClose(double expected, double actual, double rel, double scale, String what) {
        double tol = rel * scale + Double.MIN_NORMAL;
        if (!(Math.abs(actual - expected) <= tol)) {
            fail(what + ": expected " + expected + " got " + actual + " (tolerance " + tol + ")");
        }
    }

    /** Elementwise |a − e| ≤ rel · max(|e|, floor). */
    static void assertAllClose(double[] expected, double[] actual, double rel, double floor, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(Math.abs(expected[i]), floor);
            if (!(Math.abs(actual[i] - expected[i]) <= tol)
                    && !(Double.isNaN(expected[i]) && Double.isNaN(actual[i]))
                    && expected[i] != actual[i]) {
                fail(what + "[" + i + "]: expected " + expected[i] + " got " + actual[i]);
            }
        }
    }

    static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                fail(what + "[" + i + "]: expected " + expected[i] + " got " + actual[i] + " (bitwise)");
            }
        }
    }

    /** op(A)·op(B) by the textbook triple loop, and Σ|a||b| per element for tolerances. */
    static double[][] naiveMatMul(boolean ta, boolean tb, int m, int k, int n, double[] a, double[] b) {
        double[] c = new double[m * n];
        double[] mag = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double g = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * m + i] : a[i * k + p];
                    double bv = tb ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                    g += Math.abs(av * bv);
                }
                c[i * n + j] = s;
                mag[i * n + j] = g;
            }
        }
        return new double[][] {c, mag};
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double sumAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Runs {@code body} with the kernels' thread count temporarily set to {@code n}. */
    static void withThreads(int n, Runnable body) {
        int before = Parallel.threads();
        Parallel.setThreads(n);
        try {
            body.run();
        } finally {
            Parallel.setThreads(before);
        }
    }
}
