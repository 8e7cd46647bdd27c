package hyp.runtime.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.ops.Scalars;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each complex scalar function (a) equals its real counterpart at im = 0 and (b) satisfies the complex-step
 * identity Im f(x + ih)/h = f'(x) against a closed-form derivative, at many random points.
 */
class ComplexOpsTest {
    private static final double H = 1e-20;
    private static final int POINTS = 2000;

    /** A function checked at points drawn from [lo, hi]. */
    private static void check(String name, UnaryOperator<Complex> f, DoubleUnaryOperator real,
                              DoubleUnaryOperator derivative, double lo, double hi) {
        Random random = new Random(name.hashCode());
        for (int k = 0; k < POINTS; k++) {
            double x = lo + (hi - lo) * random.nextDouble();
            Complex atReal = f.apply(Complex.of(x));
            assertEquals(real.applyAsDouble(x), atReal.re(), 0.0, name + " at " + x);
            assertEquals(0.0, atReal.im(), 0.0, name + " keeps real inputs real at " + x);
            Complex stepped = f.apply(new Complex(x, H));
            Close.relative(name + "' at " + x, derivative.applyAsDouble(x), stepped.im() / H, 4e-15);
            Close.relative(name + " value at " + x, real.applyAsDouble(x), stepped.re(), 1e-15);
        }
    }

    @Test
    void exp() {
        check("exp", ComplexOps::exp, Math::exp, Math::exp, -30, 30);
    }

    @Test
    void log() {
        check("log", ComplexOps::log, Math::log, x -> 1 / x, 1e-3, 1e3);
    }

    @Test
    void log1p() {
        check("log1p", ComplexOps::log1p, Math::log1p, x -> 1 / (1 + x), -0.999, 50);
        check("log1p near 0", ComplexOps::log1p, Math::log1p, x -> 1 / (1 + x), -1e-9, 1e-9);
    }

    @Test
    void sqrt() {
        check("sqrt", ComplexOps::sqrt, Math::sqrt, x -> 0.5 / Math.sqrt(x), 1e-6, 1e6);
    }

    @Test
    void tanh() {
        check("tanh", ComplexOps::tanh, hyp.runtime.kernels.HyperbolicTangent::tanh, x -> 1 / (Math.cosh(x) * Math.cosh(x)), -30, 30);
    }

    @Test
    void sigmoid() {
        check("sigmoid", ComplexOps::sigmoid, Scalars::sigmoid, x -> Scalars.sigmoid(x) * Scalars.sigmoid(-x), -40, 40);
    }

    @Test
    void softplus() {
        check("softplus", ComplexOps::softplus, Scalars::softplus, Scalars::sigmoid, -40, 40);
    }

    @Test
    void powWithARealExponent() {
        for (double p : new double[] {2, 3, -1, 0.5, -2.5, 1.7, 7}) {
            Complex cp = Complex.of(p);
            check("x^" + p, z -> ComplexOps.pow(z, cp), x -> Scalars.pow(x, p), x -> p * Math.pow(x, p - 1), 0.01, 20);
        }
        // negative bases with integer exponents are real-analytic too
        for (double p : new double[] {2, 3, -1, 4, -3}) {
            Complex cp = Complex.of(p);
            check("x^" + p, z -> ComplexOps.pow(z, cp), x -> Scalars.pow(x, p), x -> p * Math.pow(x, p - 1), -20, -0.01);
        }
    }

    @Test
    void powWithAVaryingExponent() {
        for (double x : new double[] {0.3, 1.0, 2.5, 40}) {
            Complex base = Complex.of(x);
            check(x + "^p", p -> ComplexOps.pow(base, p), p -> Math.pow(x, p), p -> Math.log(x) * Math.pow(x, p), -3, 3);
        }
    }

    @Test
    void piecewiseFunctionsFollowTheirRealBranch() {
        check("abs", ComplexOps::abs, Math::abs, Math::signum, -5, 5);
        check("relu", ComplexOps::relu, Scalars::relu, Scalars::step, -5, 5);
        check("step", ComplexOps::step, Scalars::step, x -> 0, -5, 5);
        check("sign", ComplexOps::sign, Scalars::sign, x -> 0, -5, 5);
        Complex c = Complex.of(0.25);
        check("max", z -> ComplexOps.max(z, c), x -> Math.max(x, 0.25), x -> x >= 0.25 ? 1 : 0, -5, 5);
        check("min", z -> ComplexOps.min(c, z), x -> Math.min(0.25, x), x -> 0.25 <= x ? 0 : 1, -5, 5);
        check("geMask", z -> ComplexOps.geMask(z, c), x -> Scalars.geMask(x, 0.25), x -> 0, -5, 5);
        check("leMask", z -> ComplexOps.leMask(z, c), x -> Scalars.leMask(x, 0.25), x -> 0, -5, 5);
    }

    @Test
    void kinksTakeTheRealRulesConvention() {
        Complex atZero = new Complex(0.0, H);
        assertEquals(Complex.ZERO, ComplexOps.abs(atZero));          // d|x| at 0 is sign 0 = 0
        assertEquals(Complex.ZERO, ComplexOps.relu(atZero));         // d relu at 0 is step 0 = 0
        Complex a = new Complex(1.0, 2.0), b = new Complex(1.0, 3.0);
        assertSame(a, ComplexOps.max(a, b));                          // ties go to the first argument
        assertSame(a, ComplexOps.min(a, b));
        assertTrue(ComplexOps.le(a, b) && ComplexOps.ge(a, b) && ComplexOps.eq(a, b));
        assertFalse(ComplexOps.lt(a, b) || ComplexOps.gt(a, b) || ComplexOps.ne(a, b));
        Complex nan = new Complex(Double.NaN, 0);
        assertFalse(ComplexOps.lt(nan, a) || ComplexOps.ge(nan, a) || ComplexOps.eq(nan, nan));
        assertTrue(ComplexOps.ne(nan, nan));
        assertTrue(Double.isNaN(ComplexOps.max(a, nan).re()));
    }

    @Test
    void arithmeticMatchesTheDefinitions() {
        Random random = new Random(7);
        for (int k = 0; k < POINTS; k++) {
            Complex a = new Complex(random.nextGaussian(), random.nextGaussian());
            Complex b = new Complex(random.nextGaussian(), random.nextGaussian());
            Complex product = ComplexOps.mul(a, b);
            assertEquals(a.re() * b.re() - a.im() * b.im(), product.re(), 0.0);
            assertEquals(a.re() * b.im() + a.im() * b.re(), product.im(), 0.0);
            Close.complex("(a/b)·b", a, ComplexOps.mul(ComplexOps.div(a, b), b), 1e-14);
            Close.complex("a + b − b", a, ComplexOps.sub(ComplexOps.add(a, b), b), 1e-14);
            assertEquals(ComplexOps.neg(a), ComplexOps.sub(Complex.ZERO, a));
        }
        // Smith's division neither overflows nor underflows where the textbook formula would
        Close.complex("huge", Complex.ONE, ComplexOps.div(new Complex(1e300, 1e300), new Complex(1e300, 1e300)), 1e-15);
        Close.complex("tiny", Complex.ONE, ComplexOps.div(new Complex(1e-300, 1e-300), new Complex(1e-300, 1e-300)), 1e-15);
        assertEquals(Complex.of(7), ComplexOps.fromInt(7));
        assertEquals(Complex.of(-1.5), ComplexOps.of(-1.5));
    }
}
