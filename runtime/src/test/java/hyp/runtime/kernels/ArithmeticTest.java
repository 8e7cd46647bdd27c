package hyp.runtime.kernels;

import static hyp.runtime.kernels.Reference.EDGE_SIZES;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private interface Zip {
        void apply(double[] x, double[] y, double[] out, int n);
    }

    private interface Right {
        void apply(double[] x, double s, double[] out, int n);
    }

    private interface Left {
        void apply(double s, double[] x, double[] out, int n);
    }

    private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, 1.0, Double.POSITIVE_INFINITY, -2.0};
    private final Random rnd = new Random(3);

    /** Random values with some signed zeros, NaNs and infinities mixed in, so max/min semantics are hit. */
    private double[] sample(int n) {
        double[] x = Reference.random(rnd, n);
        for (int i = 0; i < n; i += 5) {
            x[i] = SPECIALS[rnd.nextInt(SPECIALS.length)];
        }
        return x;
    }

    private void zip(String name, Zip kernel, DoubleBinaryOperator ref) {
        for (int n : EDGE_SIZES) {
            double[] x = sample(n);
            double[] y = sample(n);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = ref.applyAsDouble(x[i], y[i]);
            }
            double[] out = new double[n];
            kernel.apply(x, y, out, n);
            Reference.assertBitsEqual(expected, out, name + " n=" + n);
            kernel.apply(x, y, x, n);
            Reference.assertBitsEqual(expected, x, name + " aliased n=" + n);
        }
    }

    private void broadcast(String name, Right right, Left left, DoubleBinaryOperator ref) {
        for (int n : EDGE_SIZES) {
            for (double s : new double[] {0.75, -0.0, Double.NaN}) {
                double[] x = sample(n);
                double[] r = new double[n];
                double[] l = new double[n];
                double[] er = new double[n];
                double[] el = new double[n];
                for (int i = 0; i < n; i++) {
                    er[i] = ref.applyAsDouble(x[i], s);
                    el[i] = ref.applyAsDouble(s, x[i]);
                }
                right.apply(x, s, r, n);
                Reference.assertBitsEqual(er, r, name + "(x, " + s + ") n=" + n);
                if (left != null) {
                    left.apply(s, x, l, n);
                    Reference.assertBitsEqual(el, l, name + "(" + s + ", x) n=" + n);
                }
            }
        }
    }

    @Test
    void binaryOpsMatchScalarSemanticsBitForBit() {
        zip("add", Arithmetic::add, (a, b) -> a + b);
        zip("sub", Arithmetic::sub, (a, b) -> a - b);
        zip("mul", Arithmetic::mul, (a, b) -> a * b);
        zip("div", Arithmetic::div, (a, b) -> a / b);
        zip("max", Arithmetic::max, Math::max);
        zip("min", Arithmetic::min, Math::min);
    }

    /** The compiled SIMD max/min must keep Java's NaN and signed-zero rules, not the CPU's. */
    @Test
    void maxAndMinKeepJavaSemanticsAfterJitCompilation() {
        for (int rep = 0; rep < 3000; rep++) {
            double[] x = sample(64);
            double[] y = sample(64);
            double[] out = new double[64];
            Arithmetic.max(x, y, out, 64);
            for (int i = 0; i < 64; i++) {
                if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(Math.max(x[i], y[i]))) {
                    org.junit.jupiter.api.Assertions.fail("max(" + x[i] + ", " + y[i] + ") = " + out[i] + " at rep " + rep);
                }
            }
            Arithmetic.min(x, 0.0, out, 64);
            for (int i = 0; i < 64; i++) {
                if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(Math.min(x[i], 0.0))) {
                    org.junit.jupiter.api.Assertions.fail("min(" + x[i] + ", 0) = " + out[i] + " at rep " + rep);
                }
            }
        }
    }

    @Test
    void scalarBroadcastOpsMatchScalarSemanticsBitForBit() {
        broadcast("add", Arithmetic::add, null, (a, b) -> a + b);
        broadcast("sub", Arithmetic::sub, Arithmetic::sub, (a, b) -> a - b);
        broadcast("mul", Arithmetic::mul, null, (a, b) -> a * b);
        broadcast("div", Arithmetic::div, Arithmetic::div, (a, b) -> a / b);
        broadcast("max", Arithmetic::max, null, Math::max);
        broadcast("min", Arithmetic::min, null, Math::min);
    }
}
