package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.gradcheck.ComplexStep;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.prim.Prims;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What complex step is for: checking the compiler's symbolic derivative code. Gradients of adjoint code and
 * tangents of tangent code against the complex step of the def itself, and Hessian-vector products against the
 * complex step of the adjoint code (tapes, loops and branches included).
 */
class ComplexStepCrossCheckTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -3
            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def smooth(a: real, b: real) = exp(a) * sigmoid(b) + log1p(a * a) / (1 + b * b) + sqrt(a * a + 1) * tanh(b)
            def looped(x: real, n: int) -> real {
                s = x
                for i in 0..n {
                    if s > 2 { s = s - log(s) } else { s = s * s + 0.5 * x }
                }
                return s * x
            }
            """;

    private final Random random = new Random(13);

    private Object randomLike(Object x) {
        if (x instanceof Tensor t) {
            Tensor r = Tensor.zeros(t.shape);
            for (int i = 0; i < r.size(); i++) r.data[i] = random.nextGaussian();
            return r;
        }
        return x instanceof Double ? random.nextGaussian() : null;
    }

    private static void assertSame(Object expected, Object actual, double tol, String what) {
        if (expected instanceof Double e) {
            assertEquals(e, (Double) actual, tol * Math.max(1, Math.abs(e)), what);
            return;
        }
        Tensor et = (Tensor) expected, at = (Tensor) actual;
        for (int i = 0; i < et.size(); i++) {
            assertEquals(et.data[i], at.data[i], tol * Math.max(1, Math.abs(et.data[i])), what + " entry " + i);
        }
    }

    /** Adjoint, tangent and Hessian-vector code of one def at one point, against the complex step. */
    private void check(String name, List<Object> point) {
        Function f = ComplexStepDefs.def(SOURCE, name);
        List<Object> direction = new ArrayList<>();
        for (Object x : point) direction.add(randomLike(x));
        List<Object> varying = new ArrayList<>();
        for (Object x : point) if (!(x instanceof Integer)) varying.add(x);

        // gradient: adjoint (x..., 1) -> (y, xbar...) against one complex step per input coordinate
        List<Object> adjointArgs = new ArrayList<>(point);
        adjointArgs.add(1.0);
        Function adjoint = Derivatives.adjoint(f);
        Object[] gradient = (Object[]) Interpreter.run(adjoint, adjointArgs);
        List<Object> expected = ComplexStep.of(f).gradient(point);
        for (int i = 0, k = 1; i < point.size(); i++) {
            if (expected.get(i) != null) assertSame(expected.get(i), gradient[k++], 1e-13, name + " gradient " + i);
        }

        // tangent: (x..., dx...) -> (y, dy) against Im f(x + iεd)/ε
        List<Object> tangentArgs = new ArrayList<>(point);
        for (Object d : direction) if (d != null) tangentArgs.add(d);
        Object[] tangent = (Object[]) Interpreter.run(Derivatives.tangent(f), tangentArgs);
        assertSame(ComplexStep.of(f).derivative(point, direction).get(0), tangent[1], 1e-13, name + " tangent");

        // H·d: the tangent of the adjoint against the complex step of the adjoint code along (d, 0)
        List<Object> adjointDirection = new ArrayList<>(direction);
        adjointDirection.add(0.0);
        List<Object> hv = ComplexStep.of(adjoint).derivative(adjointArgs, adjointDirection);
        List<Object> hvArgs = new ArrayList<>(adjointArgs);
        for (Object d : direction) if (d != null) hvArgs.add(d);
        hvArgs.add(0.0);
        Object[] symbolic = (Object[]) Interpreter.run(Derivatives.hessianVector(f), hvArgs);
        int inputs = varying.size();
        for (int k = 0; k < inputs; k++) {
            assertSame(hv.get(1 + k), symbolic[1 + inputs + 1 + k], 1e-12, name + " Hessian-vector product " + k);
        }
    }

    @Test
    void scalarDef() {
        for (int k = 0; k < 10; k++) check("smooth", Arrays.asList(random.nextGaussian(), random.nextGaussian()));
    }

    @Test
    void loopsAndBranchesThroughTheTape() {
        // the adjoint of the loop keeps real values on a tape, so its complex step goes through complex tapes
        boolean[] taped = {false};
        IrWalk.nodes(ComplexTransform.of(Derivatives.adjoint(ComplexStepDefs.def(SOURCE, "looped"))).body(), n -> {
            if (n instanceof Node.Op op && op.prim() instanceof ComplexPrimitive cp && cp.real() == Prims.TAPE_PUSH) taped[0] = true;
        });
        assertTrue(taped[0], "complex pushes in the adjoint of looped");
        for (int k = 0; k < 10; k++) check("looped", Arrays.asList(0.5 + 2 * random.nextDouble(), 1 + random.nextInt(6)));
    }

    @Test
    void logisticLoss() {
        int n = 7, d = 3;
        Tensor labels = Tensor.zeros(n);
        for (int i = 0; i < n; i++) labels.data[i] = random.nextBoolean() ? 1 : -1;
        Tensor x = (Tensor) randomLike(Tensor.zeros(n, d));
        check("train_loss", Arrays.asList(randomLike(Tensor.zeros(d)), randomLike(Tensor.zeros(d)), x, labels));
    }
}
