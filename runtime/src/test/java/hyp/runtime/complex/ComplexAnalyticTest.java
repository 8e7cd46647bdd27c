package hyp.runtime.complex;

import static hyp.runtime.complex.ComplexOps.add;
import static hyp.runtime.complex.ComplexOps.div;
import static hyp.runtime.complex.ComplexOps.exp;
import static hyp.runtime.complex.ComplexOps.log;
import static hyp.runtime.complex.ComplexOps.mul;
import static hyp.runtime.complex.ComplexOps.neg;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The analytic functions at genuinely complex points (not only tiny imaginary parts), against identities and
 * textbook formulas computed another way: the principal branches and the stable rearrangements must agree.
 */
class ComplexAnalyticTest {
    private final Random random = new Random(42);

    private Complex point(double reach) {
        return new Complex(reach * (2 * random.nextDouble() - 1), reach * (2 * random.nextDouble() - 1));
    }

    @Test
    void expAndLogAreInverse() {
        for (int k = 0; k < 1000; k++) {
            Complex z = point(50);
            Close.complex("exp(log z)", z, exp(log(z)), 1e-13);
            Complex w = point(3);
            Close.complex("log(exp w)", w, log(exp(w)), 1e-14);
        }
        Close.complex("log(−1)", new Complex(0, Math.PI), log(Complex.of(-1)), 1e-16);
    }

    @Test
    void sqrtIsThePrincipalRoot() {
        for (int k = 0; k < 1000; k++) {
            Complex z = point(k % 2 == 0 ? 1e-3 : 1e6);
            Complex r = ComplexOps.sqrt(z);
            Close.complex("sqrt(z)²", z, mul(r, r), 1e-15);
            assertTrue(r.re() >= 0, "principal root of " + z);
        }
        Close.complex("sqrt(−4)", new Complex(0, 2), ComplexOps.sqrt(Complex.of(-4)), 0);
    }

    @Test
    void tanhMatchesTheDoubleAngleFormula() {
        for (int k = 0; k < 1000; k++) {
            // |x| up to 30 also covers the branch for tanh x = ±1
            double x = 60 * random.nextDouble() - 30, y = 3 * random.nextDouble() - 1.5;
            double den = Math.cosh(2 * x) + Math.cos(2 * y);
            Complex expected = new Complex(Math.sinh(2 * x) / den, Math.sin(2 * y) / den);
            Close.complex("tanh(" + x + " + " + y + "i)", expected, ComplexOps.tanh(new Complex(x, y)), 1e-14);
        }
    }

    @Test
    void log1pIsLogOfOnePlusAndKeepsSmallArguments() {
        for (int k = 0; k < 1000; k++) {
            Complex z = point(5);
            Close.complex("log1p", log(add(Complex.ONE, z)), ComplexOps.log1p(z), 1e-13);
            Complex s = point(1e-9);
            // the series z − z²/2 + z³/3, exact enough at |z| ~ 1e-9, where log(1 + z) would lose half the digits
            Complex z2 = mul(s, s);
            Complex series = add(ComplexOps.sub(s, mul(Complex.of(0.5), z2)), div(mul(z2, s), Complex.of(3)));
            Close.complex("log1p small", series, ComplexOps.log1p(s), 1e-15);
        }
    }

    @Test
    void sigmoidAndSoftplusMatchTheirDefinitions() {
        for (int k = 0; k < 1000; k++) {
            Complex z = new Complex(30 * random.nextDouble() - 15, 2 * random.nextDouble() - 1);
            Complex direct = div(Complex.ONE, add(Complex.ONE, exp(neg(z))));
            Close.complex("sigmoid", direct, ComplexOps.sigmoid(z), 1e-14);
            Complex moderate = new Complex(18 * random.nextDouble() - 3, z.im());
            Close.complex("softplus", log(add(Complex.ONE, exp(moderate))), ComplexOps.softplus(moderate), 1e-14);
            // far left, log(1 + e^z) = e^z − e^2z/2 + e^3z/3 − …, where the direct formula would cancel
            Complex left = new Complex(-15 - 20 * random.nextDouble(), z.im()), e = exp(left);
            Complex series = add(ComplexOps.sub(e, div(mul(e, e), Complex.of(2))), div(mul(mul(e, e), e), Complex.of(3)));
            Close.complex("softplus far left", series, ComplexOps.softplus(left), 1e-14);
        }
    }

    @Test
    void powIsExpOfTimesLogAndRepeatedMultiplication() {
        for (int k = 0; k < 1000; k++) {
            Complex z = point(4), p = point(2);
            Close.complex("z^p", exp(mul(p, log(z))), ComplexOps.pow(z, p), 1e-12);
            int n = random.nextInt(9) - 4;
            Complex product = Complex.ONE;
            for (int i = 0; i < Math.abs(n); i++) product = mul(product, z);
            if (n < 0) product = div(Complex.ONE, product);
            Close.complex("z^" + n, product, ComplexOps.pow(z, Complex.of(n)), 1e-14);
        }
    }
}
