package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.testing.Compiled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Adjoint, tangent and Hessian-vector code of scalar defs against closed forms and central differences. */
class ScalarDerivativesTest {
    private static final String SOURCE = """
            def mod1(x: real) -> real {
                while x < 0 or x >= 1 {
                    if x < 0 { x = x + 1 } else { x = x - 1 }
                }
                return x
            }
            # nested loops and early returns: for x > 0 this is x^2 * n*m + 3x when it reaches the end
            def nested(x: real, n: int, m: int) -> real {
                s = 0.0
                for i in 0..n {
                    for j in 0..m {
                        s = s + x * x
                    }
                    if s > 1000 { return s }
                }
                if x < -5 { return -x }
                return s + 3 * x
            }
            def smooth(x: real, y: real) = exp(x) * sin_free(y) + log1p(x * x) / (1 + y * y) + sqrt(x * x + 1) * tanh(y)
            def sin_free(y: real) = sigmoid(y) + softplus(-y) + relu(y) + abs(y - 0.3) + max(y, 0.1) + min(y, -0.1)
            def lastAbove(x: real, n: int) -> real {
                s = 0.0
                r = 0.0
                for i in 0..n {
                    s = s + x * x
                    if s > 10 { r = s }
                }
                return r
            }
            def powers(x: real, p: real) = x ^ p + x ^ 2 + 2 ^ x
            """;

    private static final Compiled C = new Compiled(SOURCE);

    @Test
    void mod1HasDerivativeOneOnEveryPath() {
        for (double x : new double[] {-2.7, 5.25, 0.5, -1e3, 1e3 + 0.25}) {
            Object[] r = C.adjoint("mod1", x);
            assertEquals(1.0, (double) r[1], 0.0, "mod1'(" + x + ")");
            assertEquals(1.0, (double) C.tangent("mod1", x, 1.0)[1], 0.0);
        }
        assertEquals(0.3, (double) C.value("mod1", -2.7), 1e-12);
    }

    @Test
    void longLoopsReverseWithoutStackOverflow() {
        Object[] r = C.adjoint("mod1", 1.0e6 + 0.5);
        assertEquals(0.5, (double) r[0], 1e-9);
        assertEquals(1.0, (double) r[1], 0.0);
    }

    @Test
    void nestedLoopsAndEarlyReturnsMatchClosedForms() {
        // reaches the end: d/dx (n m x^2 + 3x) = 2 n m x + 3
        double x = 1.5;
        Object[] r = C.adjoint("nested", x, 3, 4);
        assertEquals(3 * 4 * x * x + 3 * x, (double) r[0], 1e-12);
        assertEquals(2 * 3 * 4 * x + 3, (double) r[1], 1e-12);
        // returns early inside the loop once s > 1000: after i = 0 with m = 500, s = 500 x^2
        x = 2.0;
        r = C.adjoint("nested", x, 10, 500);
        assertEquals(500 * x * x, (double) r[0], 1e-9);
        assertEquals(1000 * x, (double) r[1], 1e-9);
        // returns -x when the loops do not run and x < -5
        r = C.adjoint("nested", -7.0, 0, 0);
        assertEquals(7.0, (double) r[0], 0.0);
        assertEquals(-1.0, (double) r[1], 0.0);
    }

    @Test
    void smoothFunctionsMatchCentralDifferences() {
        Random rnd = new Random(7);
        for (int k = 0; k < 200; k++) {
            double x = rnd.nextGaussian() * 2, y = rnd.nextGaussian() * 2;
            if (Math.abs(y - 0.3) < 1e-3 || Math.abs(y - 0.1) < 1e-3 || Math.abs(y + 0.1) < 1e-3 || Math.abs(y) < 1e-3) continue;
            Object[] r = C.adjoint("smooth", x, y);
            double h = 1e-6;
            double dx = ((double) C.value("smooth", x + h, y) - (double) C.value("smooth", x - h, y)) / (2 * h);
            double dy = ((double) C.value("smooth", x, y + h) - (double) C.value("smooth", x, y - h)) / (2 * h);
            assertEquals(dx, (double) r[1], 1e-6 * (1 + Math.abs(dx)), "d/dx at " + x + ", " + y);
            assertEquals(dy, (double) r[2], 1e-6 * (1 + Math.abs(dy)), "d/dy at " + x + ", " + y);
            // tangent along (1, 0) and (0, 1) agrees with the adjoint
            assertEquals((double) r[1], (double) C.tangent("smooth", x, y, 1.0, 0.0)[1], 1e-12 * (1 + Math.abs(dx)));
            assertEquals((double) r[2], (double) C.tangent("smooth", x, y, 0.0, 1.0)[1], 1e-12 * (1 + Math.abs(dy)));
        }
    }

    @Test
    void hessianVectorProductsMatchDifferencesOfTheGradient() {
        Random rnd = new Random(11);
        for (int k = 0; k < 100; k++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian();
            if (Math.abs(y - 0.3) < 1e-2 || Math.abs(y - 0.1) < 1e-2 || Math.abs(y + 0.1) < 1e-2 || Math.abs(y) < 1e-2) continue;
            double vx = rnd.nextGaussian(), vy = rnd.nextGaussian();
            // (x, y, bar, dx, dy, dbar) -> (f, fx, fy, df, dfx, dfy)
            Object[] r = C.hessianVector("smooth", x, y, 1.0, vx, vy, 0.0);
            double h = 1e-5;
            Object[] plus = C.adjoint("smooth", x + h * vx, y + h * vy);
            Object[] minus = C.adjoint("smooth", x - h * vx, y - h * vy);
            double hvx = ((double) plus[1] - (double) minus[1]) / (2 * h);
            double hvy = ((double) plus[2] - (double) minus[2]) / (2 * h);
            assertEquals(hvx, (double) r[4], 1e-5 * (1 + Math.abs(hvx)));
            assertEquals(hvy, (double) r[5], 1e-5 * (1 + Math.abs(hvy)));
        }
    }

    @Test
    void branchesInsideLoopsFollowTheLastTakenPath() {
        // r = n x^2 once n x^2 > 10 (the last trip takes the branch): dr/dx = 2 n x
        Object[] r = C.adjoint("lastAbove", 2.0, 10);
        assertEquals(40.0, (double) C.value("lastAbove", 2.0, 10), 0.0);
        assertEquals(40.0, (double) r[0], 0.0);
        assertEquals(40.0, (double) r[1], 1e-12);
        assertEquals(40.0, (double) C.tangent("lastAbove", 2.0, 10, 1.0)[1], 1e-12);
        // never above 10: r = 0
        assertEquals(0.0, (double) C.adjoint("lastAbove", 0.1, 10)[1], 0.0);
    }

    @Test
    void powerRulesMatchClosedForms() {
        double x = 1.7, p = 2.3;
        Object[] r = C.adjoint("powers", x, p);
        assertEquals(p * Math.pow(x, p - 1) + 2 * x + Math.log(2) * Math.pow(2, x), (double) r[1], 1e-12);
        assertEquals(Math.log(x) * Math.pow(x, p), (double) r[2], 1e-12);
    }
}
