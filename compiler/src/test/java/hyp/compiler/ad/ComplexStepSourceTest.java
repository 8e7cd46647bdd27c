package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.gradcheck.ComplexStep;
import hyp.compiler.ir.Function;
import hyp.runtime.ops.Scalars;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Complex-step derivatives of scalar defs written in .hyp, against closed forms. */
class ComplexStepSourceTest {
    private static final String SOURCE = """
            def sp(x: real) -> real { return softplus(x) }
            def xexp(x: real) = x * exp(x)
            def mod1(x: real) -> real {
                while x < 0 or x >= 1 {
                    if x < 0 { x = x + 1 } else { x = x - 1 }
                }
                return x
            }
            def mix(x: real) = log1p(x * x) + sqrt(x * x + 1) * tanh(x) + x ^ 3 / (1 + x ^ 2) + sigmoid(2 * x)
            def kinks(x: real) = abs(x - 0.5) + relu(x) + max(x, 0.25) + min(2 * x, 1.0)
            def power(x: real, n: int) -> real {
                s = 1.0
                for i in 0..n { s = s * x }
                return s
            }
            def stacked(a: real, b: real) -> real {
                v = [a * b, a, b]
                return sum(v * v)
            }
            def grow(x: real) = exp(x) - exp(x - 1)
            """;

    private final Random random = new Random(5);

    private static ComplexStep step(String name) {
        return ComplexStep.of(ComplexStepDefs.def(SOURCE, name));
    }

    private static double derivative(ComplexStep cs, double x) {
        return (Double) cs.derivative(List.of(x), Arrays.asList(1.0)).get(0);
    }

    /** The complex step agrees with f' to a few units in the last place at random points of [lo, hi]. */
    private void against(String name, DoubleUnaryOperator closedForm, double lo, double hi, double tol) {
        ComplexStep cs = step(name);
        for (int k = 0; k < 200; k++) {
            double x = lo + (hi - lo) * random.nextDouble();
            double expected = closedForm.applyAsDouble(x);
            assertEquals(expected, derivative(cs, x), tol * Math.max(1, Math.abs(expected)), name + "'(" + x + ")");
        }
    }

    @Test
    void softplusHasTheSigmoidAsDerivative() {
        against("sp", Scalars::sigmoid, -30, 30, 1e-15);
    }

    @Test
    void productRule() {
        against("xexp", x -> (1 + x) * Math.exp(x), -20, 20, 1e-15);
    }

    @Test
    void mod1HasDerivativeOneOnEveryPath() {
        ComplexStep cs = step("mod1");
        for (double x : new double[] {-2.7, 5.25, 0.5, -1e3, 1e3 + 0.25, 0.0}) {
            ComplexStep.Result r = cs.along(List.of(x), Arrays.asList(1.0));
            assertEquals(1.0, (Double) r.derivatives().get(0), 0.0, "mod1'(" + x + ")");
            assertEquals(x - Math.floor(x), (Double) r.values().get(0), 1e-12, "mod1(" + x + ")");
        }
    }

    @Test
    void compositeOfTheAnalyticFunctions() {
        against("mix", x -> {
            double r = Math.sqrt(x * x + 1), t = Math.tanh(x), s = Scalars.sigmoid(2 * x);
            return 2 * x / (1 + x * x) + x / r * t + r * (1 - t * t)
                    + (3 * x * x * (1 + x * x) - 2 * x * x * x * x) / ((1 + x * x) * (1 + x * x)) + 2 * s * (1 - s);
        }, -5, 5, 1e-14);
    }

    @Test
    void kinksFollowTheBranchTheRealPartTakes() {
        against("kinks", x -> Math.signum(x - 0.5) + (x > 0 ? 1 : 0) + (x >= 0.25 ? 1 : 0) + (2 * x <= 1 ? 2 : 0), -3, 3, 0);
    }

    @Test
    void loopsWithIntParametersHaveNoIntDerivative() {
        ComplexStep cs = step("power");
        for (int n = 0; n < 6; n++) {
            double x = 3 * random.nextDouble() - 1.5;
            List<Object> d = cs.derivative(List.of(x, n), Arrays.asList(1.0, null));
            assertEquals(n * Math.pow(x, n - 1), (Double) d.get(0), 1e-15 * Math.max(1, Math.abs(n * Math.pow(x, n - 1))), "n = " + n);
        }
        List<Object> g = cs.gradient(List.of(2.0, 5));
        assertEquals(80.0, (Double) g.get(0), 0.0);
        assertNull(g.get(1));
        assertThrows(IllegalArgumentException.class, () -> cs.derivative(List.of(2.0, 5), Arrays.asList(1.0, 1.0)));
    }

    @Test
    void tensorLiteralsOfComplexScalars() {
        ComplexStep cs = step("stacked");
        for (int k = 0; k < 50; k++) {
            double a = random.nextGaussian(), b = random.nextGaussian();
            List<Object> g = cs.gradient(List.of(a, b));
            assertEquals(2 * a * b * b + 2 * a, (Double) g.get(0), 1e-14);
            assertEquals(2 * a * a * b + 2 * b, (Double) g.get(1), 1e-14);
        }
    }

    @Test
    void nonFiniteDerivativesAreReportedByName() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> derivative(step("grow"), 800.0));
        assertTrue(e.getMessage().contains("grow"), e.getMessage());
        assertEquals(Math.E - 1, derivative(step("grow"), 1.0), 1e-15);
    }
}
