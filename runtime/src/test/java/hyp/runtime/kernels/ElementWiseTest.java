package hyp.runtime.kernels;

import static hyp.runtime.kernels.Reference.EDGE_SIZES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ElementWiseTest {
    /** The kernels under test, taking (x, out, n). */
    private interface Map {
        void apply(double[] x, double[] out, int n);
    }

    private static final double[] SPECIALS = {0.0, -0.0, 1e-300, -1e-300, 4.9e-324, 1e-17, -1e-17,
        1e308, -1e308, 700, -700, 710, -745, 36, -36, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.5, -0.5, 1, -1};

    private final Random rnd = new Random(5);

    private double[] sample(int n, double spread) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIALS.length && n > 40 ? SPECIALS[i] : spread * (2 * rnd.nextDouble() - 1);
        }
        return x;
    }

    private void check(String name, Map kernel, DoubleUnaryOperator ref, double spread, double rel) {
        for (int n : EDGE_SIZES) {
            double[] x = sample(n, spread);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = ref.applyAsDouble(x[i]);
            }
            double[] out = new double[n];
            kernel.apply(x, out, n);
            kernel.apply(x, x, n); // in place
            if (rel == 0) {
                Reference.assertBitsEqual(expected, out, name + " n=" + n);
                Reference.assertBitsEqual(expected, x, name + " in place n=" + n);
            } else {
                Reference.assertAllClose(expected, out, rel, 0.0, name + " n=" + n);
                Reference.assertAllClose(expected, x, rel, 0.0, name + " in place n=" + n);
            }
        }
    }

    @Test
    void exactlyRoundedMapsMatchScalarBitForBit() {
        check("abs", ElementWise::abs, Math::abs, 10, 0);
        check("neg", ElementWise::neg, v -> -v, 10, 0);
        check("square", ElementWise::square, v -> v * v, 10, 0);
        check("sqrt", ElementWise::sqrt, Math::sqrt, 10, 0);
        check("relu", ElementWise::relu, v -> Math.max(v, 0.0), 10, 0);
    }

    @Test
    void transcendentalMapsMatchMath() {
        check("exp", ElementWise::exp, Math::exp, 20, 1e-15);
        check("log", ElementWise::log, Math::log, 20, 1e-15);
        check("log1p", ElementWise::log1p, Math::log1p, 0.9, 1e-15);
        check("tanh", ElementWise::tanh, Math::tanh, 5, 1e-15);
    }

    @Test
    void sigmoidMatchesDefinitionWhereTheDefinitionIsAccurate() {
        // 1/(1+e^-x) is accurate while e^-x is finite; below -700, sigmoid(x) = e^x to within e^x.
        check("sigmoid", ElementWise::sigmoid, v -> v < -700 ? Math.exp(v) : 1 / (1 + Math.exp(-v)), 700, 1e-15);
        assertEquals(Math.exp(-720), ElementWise.sigmoid(-720), Math.exp(-720) * 1e-15);
        assertEquals(1.0, ElementWise.sigmoid(800));
        assertEquals(0.5, ElementWise.sigmoid(0.0));
    }

    @Test
    void softplusMatchesLog1pOfExpAndStaysFiniteForLargeInputs() {
        check("softplus", ElementWise::softplus, v -> v > 700 ? v : Math.log1p(Math.exp(v)), 30, 2e-15);
        assertEquals(1000.0, ElementWise.softplus(1000.0));
        assertEquals(Math.exp(-1000 / 2.0) * Math.exp(-1000 / 2.0), ElementWise.softplus(-1000.0), 1e-300);
        assertEquals(Math.log(2), ElementWise.softplus(0.0), 1e-16);
        // softplus(x) - softplus(-x) = x exactly in real arithmetic
        for (double v : new double[] {-40, -3, 0.1, 3, 40}) {
            assertEquals(v, ElementWise.softplus(v) - ElementWise.softplus(-v), 1e-14 * Math.max(1, Math.abs(v)));
        }
    }
}
