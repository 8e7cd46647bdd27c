package hyp.runtime.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReversibleUpdateTest {
    private static final FixedPointFormat FORMAT = new FixedPointFormat(40);

    /** A separable quadratic ½·Σ a_i (w_i − c_i)² to train on. */
    private record Quadratic(double[] a, double[] c) {
        static Quadratic random(int n, Random rnd) {
            double[] a = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 0.5 + 1.5 * rnd.nextDouble();
                c[i] = 4 * rnd.nextGaussian();
            }
            return new Quadratic(a, c);
        }

        void gradient(long[] w, double[] g) {
            for (int i = 0; i < w.length; i++) {
                g[i] = a[i] * (FORMAT.toDouble(w[i]) - c[i]);
            }
        }

        double loss(long[] w) {
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                double r = FORMAT.toDouble(w[i]) - c[i];
                sum += 0.5 * a[i] * r * r;
            }
            return sum;
        }
    }

    @Test
    void momentumTrainingRunsBackwardsToItsStartBitForBit() {
        Random rnd = new Random(20);
        int n = 100;
        int steps = 10_000;
        double alpha = 0.05;
        Rational gamma = Rational.of("0.9");
        double decay = 1 - gamma.toDouble();
        Quadratic q = Quadratic.random(n, rnd);
        long[] w = new long[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = FORMAT.fromDouble(rnd.nextGaussian());
            v[i] = FORMAT.fromDouble(0.1 * rnd.nextGaussian());
        }
        long[] w0 = w.clone();
        long[] v0 = v.clone();
        InformationBuffer buf = new InformationBuffer(n);
        ReversibleUpdate velocity = new ReversibleUpdate("v", gamma, FORMAT, buf);
        double[] g = new double[n];
        double[] step = new double[n];

        for (int t = 1; t <= steps; t++) {
            q.gradient(w, g);
            velocity.forward(v, -decay, g, t);          // v ← γv − (1−γ)g
            scaled(alpha, v, step);
            FORMAT.add(w, step, "w", t);                // w ← w + αv
        }
        assertTrue(q.loss(w) < 1e-6 * q.loss(w0), "training did not move: " + q.loss(w));

        for (int t = steps; t >= 1; t--) {
            scaled(alpha, v, step);
            FORMAT.subtract(w, step, "w", t);
            q.gradient(w, g);
            velocity.inverse(v, -decay, g, t);
        }
        assertArrayEquals(w0, w);
        assertArrayEquals(v0, v);
        assertTrue(buf.isEmpty());
    }

    @Test
    void adamMomentsSharingOneBufferReverseExactly() {
        Random rnd = new Random(21);
        int n = 50;
        int steps = 10_000;
        double alpha = 1e-2;
        double eps = 1e-8;
        Rational gamma1 = Rational.of("0.9");
        Rational gamma2 = Rational.of("0.999");
        Quadratic q = Quadratic.random(n, rnd);
        long[] w = new long[n];
        long[] m = new long[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = FORMAT.fromDouble(rnd.nextGaussian());
        }
        long[] w0 = w.clone();
        InformationBuffer buf = new InformationBuffer(n);
        ReversibleUpdate first = new ReversibleUpdate("m", gamma1, FORMAT, buf);
        ReversibleUpdate second = new ReversibleUpdate("v", gamma2, FORMAT, buf);
        double[] g = new double[n];
        double[] g2 = new double[n];
        double[] step = new double[n];

        for (int t = 1; t <= steps; t++) {
            q.gradient(w, g);
            squared(g, g2);
            first.forward(m, 1 - gamma1.toDouble(), g, t);
            second.forward(v, 1 - gamma2.toDouble(), g2, t);
            adamStep(alpha, eps, m, v, step);
            FORMAT.subtract(w, step, "w", t);
        }
        assertTrue(q.loss(w) < 1e-2 * q.loss(w0), "training did not move: " + q.loss(w));
        double perStep = Math.log(10.0 / 9) / Math.log(2) + Math.log(1000.0 / 999) / Math.log(2);
        double ideal = perStep * n * steps;
        assertEquals(ideal, buf.bitsUsed(), 0.01 * ideal, "buffer bits against T·Σlog2(1/γ)");

        for (int t = steps; t >= 1; t--) {
            adamStep(alpha, eps, m, v, step);
            FORMAT.add(w, step, "w", t);
            q.gradient(w, g);
            squared(g, g2);
            second.inverse(v, 1 - gamma2.toDouble(), g2, t);
            first.inverse(m, 1 - gamma1.toDouble(), g, t);
        }
        assertArrayEquals(w0, w);
        assertArrayEquals(new long[n], m);
        assertArrayEquals(new long[n], v);
        assertTrue(buf.isEmpty());
    }

    @Test
    void overflowInTheAddLeavesValueAndBufferAsTheyWere() {
        FixedPointFormat narrow = new FixedPointFormat(60);     // range ±8
        InformationBuffer buf = new InformationBuffer(2);
        buf.push(1, 77, 100);
        ReversibleUpdate update = new ReversibleUpdate("m", Rational.of("0.5"), narrow, buf);
        long[] x = {narrow.fromDouble(1), narrow.fromDouble(7.5)};
        BigInteger before = buf.value(1);
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class,
                () -> update.forward(x, new double[] {0.5, 5.0}, 3));
        assertEquals(1, e.index());
        assertEquals(narrow.fromDouble(7.5), x[1]);
        assertEquals(before, buf.value(1));
        assertEquals(narrow.fromDouble(1.0), x[0]);              // 0.5·1 + 0.5: the element before was updated
    }

    private static void scaled(double alpha, long[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = alpha * FORMAT.toDouble(x[i]);
        }
    }

    private static void squared(double[] g, double[] out) {
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] * g[i];
        }
    }

    private static void adamStep(double alpha, double eps, long[] m, long[] v, double[] out) {
        for (int i = 0; i < m.length; i++) {
            out[i] = alpha * FORMAT.toDouble(m[i]) / (Math.sqrt(FORMAT.toDouble(v[i])) + eps);
        }
    }
}
