package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.diag.CompileException;
import hyp.compiler.gradcheck.ComplexStep;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.prim.Prims;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adjoint of adjoint code through loops (what the adjoint of an optimizer step calling grad(w) needs): its
 * Hessian-vector products must equal those of the tangent of the adjoint, the complex step of the gradient code and
 * central differences of gradients. The loops carry values that enter nonlinearly, so the derivative must also
 * flow through the values the first adjoint keeps on its tape.
 */
class ReverseOverReverseTest {
    private static final String SOURCE = """
            def chain(w: real[3], X: real[4, 3]) -> real {
                s = 0.5
                for i in 0..4 {
                    z = X[i] @ w
                    s = s * tanh(z) + 0.1 * s^2 + softplus(z)
                }
                return s
            }
            def damped(w: real[3], X: real[4, 3]) -> real {
                x = w
                k = 0
                while k < 3 {
                    x = tanh(x * w + X[k] * x[0])
                    k = k + 1
                }
                return sum(x * x)
            }
            def branchy(w: real[3], X: real[4, 3]) -> real {
                s = 0.0
                for i in 0..4 {
                    z = X[i] @ w
                    if z > 0 { s = s + z * s + z^2 } else { s = s - softplus(s * z) }
                }
                return s
            }
            """;

    private final Random random = new Random(17);

    private Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = 0.8 * random.nextGaussian();
        return t;
    }

    private static Object[] run(Function f, List<Object> args) {
        Object r = Interpreter.run(f, args);
        return r instanceof Object[] a ? a : new Object[] {r};
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain", "damped", "branchy"})
    void hessianVectorProductsAgreeFourWays(String name) {
        Function f = ComplexStepDefs.def(SOURCE, name);
        Function gradient = Derivatives.adjoint(f, new boolean[] {true, false});
        boolean[] inW = {true, false, false};
        Function reverse = Derivatives.adjoint(gradient, inW);
        Function forward = Derivatives.tangent(gradient, inW);
        boolean[] taped = {false};
        IrWalk.nodes(reverse.body(), n -> taped[0] |= n instanceof Node.Op op && op.prim() == Prims.TAPE_POP);
        assertTrue(taped[0], "the gradient code keeps loop values on a tape, which its adjoint must reverse");
        for (int trial = 0; trial < 4; trial++) {
            Tensor w = random(3), x = random(4, 3), v = random(3);
            // (w, X, bar, ybar, wbarbar) -> (y, wbar, Hv)
            Tensor rr = (Tensor) run(reverse, List.of(w, x, 1.0, 0.0, v))[2];
            // (w, X, bar, dw) -> (y, wbar, dy, dwbar)
            Tensor fr = (Tensor) run(forward, List.of(w, x, 1.0, v))[3];
            List<Object> point = new ArrayList<>(List.of(w, x, 1.0));
            List<Object> direction = new ArrayList<>(java.util.Arrays.asList(v, null, null));
            Tensor cs = (Tensor) ComplexStep.of(gradient).derivative(point, direction).get(1);
            double h = 1e-6;
            Tensor gp = (Tensor) run(gradient, List.of(shift(w, v, h), x, 1.0))[1];
            Tensor gm = (Tensor) run(gradient, List.of(shift(w, v, -h), x, 1.0))[1];
            for (int i = 0; i < 3; i++) {
                double fd = (gp.data[i] - gm.data[i]) / (2 * h);
                double scale = 1 + Math.abs(fr.data[i]);
                assertEquals(fr.data[i], rr.data[i], 1e-12 * scale, name + ": reverse over reverse, entry " + i);
                assertEquals(fr.data[i], cs.data[i], 1e-12 * scale, name + ": complex step of the gradient, entry " + i);
                assertEquals(fd, rr.data[i], 1e-6 * scale, name + ": differences of gradients, entry " + i);
            }
        }
    }

    @Test
    void nestedLoopsInCodeDifferentiatedTwiceAreRejectedWithTheirLocation() {
        String nested = """
                def nested(w: real[3], X: real[4, 3]) -> real {
                    s = 0.0
                    for i in 0..4 {
                        for j in 0..2 { s = s + tanh(X[i] @ w) * s }
                    }
                    return s
                }
                """;
        Function gradient = Derivatives.adjoint(ComplexStepDefs.def(nested, "nested"), new boolean[] {true, false});
        CompileException e = assertThrows(CompileException.class,
                () -> Derivatives.adjoint(gradient, new boolean[] {true, false, false}));
        assertTrue(e.diagnostics().get(0).message().startsWith("not supported yet"), e.getMessage());
        assertTrue(e.diagnostics().get(0).span() != null);
    }

    private static Tensor shift(Tensor w, Tensor v, double h) {
        Tensor out = w.copy();
        for (int i = 0; i < out.size(); i++) out.data[i] += h * v.data[i];
        return out;
    }
}
