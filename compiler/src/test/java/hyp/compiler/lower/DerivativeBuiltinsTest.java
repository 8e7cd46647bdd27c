package hyp.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.syntax.Decl;
import hyp.compiler.testing.Compiled;
import hyp.compiler.train.OptimizerLowering;
import hyp.compiler.train.OptimizerProgram;
import hyp.runtime.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * grad, jvp, vjp and hvp of defs in .hyp code, against closed forms and central differences: first order, a
 * derivative of a def that itself calls grad (second order), derivatives through a loop and a branch, up to third
 * order through a loop, a def that reads data and takes more than one argument, and grad inside an optimizer.
 */
class DerivativeBuiltinsTest {
    private static final double[] X = {0.7, -1.3, 2.1};
    private static final double[] V = {0.4, 1.5, -0.8};

    private static final Compiled CUBES = new Compiled("""
            def cube(x: real[n]) = sum(x^3)
            def expo(x: real[n]) = exp(x)
            def g(x: real[n]) = grad(cube, x)
            def h(x: real[n], v: real[n]) = hvp(cube, x, v)
            def j(x: real[n], v: real[n]) = jvp(cube, x, v)
            def je(x: real[n], v: real[n]) = jvp(expo, x, v)
            def ve(x: real[n], u: real[n]) = vjp(expo, x, u)
            def scalar(x: real) = grad(cube2, 2 * x) + hvp(cube2, x, 1)
            def cube2(x: real) = x^3
            """);

    private static Tensor t(double... v) {
        return Tensor.vector(v);
    }

    private static double[] map(double[] x, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = f.applyAsDouble(i);
        return out;
    }

    @Test
    void firstOrderBuiltinsMatchClosedForms() {
        assertArrayEquals(map(X, i -> 3 * X[i] * X[i]), ((Tensor) CUBES.value("g", t(X))).data, 1e-12);
        assertArrayEquals(map(X, i -> 6 * X[i] * V[i]), ((Tensor) CUBES.value("h", t(X), t(V))).data, 1e-12);
        double dot = 0;
        for (int i = 0; i < X.length; i++) dot += 3 * X[i] * X[i] * V[i];
        assertEquals(dot, (Double) CUBES.value("j", t(X), t(V)), 1e-12);
        assertArrayEquals(map(X, i -> Math.exp(X[i]) * V[i]), ((Tensor) CUBES.value("je", t(X), t(V))).data, 1e-12);
        assertArrayEquals(map(X, i -> Math.exp(X[i]) * V[i]), ((Tensor) CUBES.value("ve", t(X), t(V))).data, 1e-12);
        // grad at 2x of x^3 is 12x^2, the Hessian 6x; the int 1 stands for a real direction
        assertEquals(12 * 0.3 * 0.3 + 6 * 0.3, (Double) CUBES.value("scalar", 0.3), 1e-12);
    }

    @Test
    void derivativeCodeRunsTheSameInTheInterpreter() {
        for (String def : List.of("g", "h", "ve")) {
            hyp.compiler.ir.Function f = CUBES.functions.stream().filter(x -> x.name().equals(def)).findFirst().orElseThrow();
            List<Object> args = f.params().size() == 1 ? List.of(t(X)) : List.of(t(X), t(V));
            assertArrayEquals(((Tensor) CUBES.value(def, args.toArray())).data, ((Tensor) Interpreter.run(f, args)).data, 0.0, def);
        }
    }

    /** The gradient of a def that calls grad: second-order code, against central differences of its values. */
    @Test
    void gradientOfCodeThatCallsGradMatchesCentralDifferences() {
        Compiled c = new Compiled("""
                def f(x: real[n]) = logsumexp(x) + sum(x^3) * 0.1
                def g(x: real[n]) = sum(grad(f, x) * x)
                def dg(x: real[n]) = grad(g, x)
                """);
        double[] analytic = ((Tensor) c.value("dg", t(X))).data;
        double[] viaAdjoint = ((Tensor) c.adjoint("g", t(X))[1]).data;
        double[] central = centralDifferences(x -> (Double) c.value("g", t(x)), X);
        assertArrayEquals(central, analytic, 1e-7);
        assertArrayEquals(analytic, viaAdjoint, 1e-12);
    }

    /** The seed's mod1 loop and branch: derivatives of the path taken, to third order (three reverse sweeps). */
    @Test
    void derivativesFollowTheLoopAndBranchTakenToThirdOrder() {
        Compiled c = new Compiled("""
                def mod1cube(x: real) -> real {
                    while x < 0 or x >= 1 {
                        if x < 0 { x = x + 1 } else { x = x - 1 }
                    }
                    return x * x * x
                }
                def d1(x: real) = grad(mod1cube, x)
                def d2(x: real) = grad(d1, x)
                def d3(x: real) = grad(d2, x)
                """);
        for (double x : new double[] {-2.7, 0.45, 3.2}) {
            double r = x - Math.floor(x);
            assertEquals(3 * r * r, (Double) c.value("d1", x), 1e-12, "d1 at " + x);
            assertEquals(6 * r, (Double) c.value("d2", x), 1e-12, "d2 at " + x);
            assertEquals(6, (Double) c.value("d3", x), 1e-12, "d3 at " + x);
            assertEquals(6, (Double) c.adjoint("d2", x)[1], 1e-12, "the adjoint of d2 at " + x);
        }
    }

    /** Third-order code through a for loop: each adjoint's tape needs its own cotangent tape. */
    @Test
    void thirdDerivativeThroughALoopMatchesTheClosedForm() {
        Compiled c = new Compiled("""
                def power8(x: real) -> real {
                    for i in 0..3 { x = x * x }
                    return x
                }
                def d1(x: real) = grad(power8, x)
                def d2(x: real) = grad(d1, x)
                """);
        double x = 1.1;
        assertEquals(56 * Math.pow(x, 6), (Double) c.value("d2", x), 1e-10);
        assertEquals(336 * Math.pow(x, 5), (Double) c.adjoint("d2", x)[1], 1e-9);
    }

    /** f reads data and takes a second argument: both are passed through to its derivative code. */
    @Test
    void derivativesOfADefReadingDataWithSeveralArguments() {
        Compiled c = new Compiled("""
                data A: real[m, n]
                def loss(w: real[n], lam: real) = sum(softplus(A @ w)) + lam * sum(w^2)
                def gl(w: real[n], lam: real) = grad(loss, w, lam)
                def hl(w: real[n], lam: real, v: real[n]) = hvp(loss, w, lam, v)
                def jl(w: real[n], lam: real, v: real[n]) = jvp(loss, w, lam, v)
                """);
        Tensor a = Tensor.matrix(new double[][] {{0.3, -1.1, 0.5}, {1.2, 0.4, -0.7}});
        double lam = 0.35;
        double[] grad = ((Tensor) c.value("gl", t(X), lam, a)).data;
        assertArrayEquals(centralDifferences(w -> (Double) c.value("loss", t(w), lam, a), X), grad, 1e-7);
        double[] hv = ((Tensor) c.value("hl", t(X), lam, t(V), a)).data;
        double h = 1e-5;
        double[] plus = ((Tensor) c.value("gl", t(map(X, i -> X[i] + h * V[i])), lam, a)).data;
        double[] minus = ((Tensor) c.value("gl", t(map(X, i -> X[i] - h * V[i])), lam, a)).data;
        assertArrayEquals(map(X, i -> (plus[i] - minus[i]) / (2 * h)), hv, 1e-7);
        double dot = 0;
        for (int i = 0; i < X.length; i++) dot += grad[i] * V[i];
        assertEquals(dot, (Double) c.value("jl", t(X), lam, t(V), a), 1e-12);
    }

    /** In an optimizer grad(w) stays the loss's gradient while grad(f, x) with a def f is the built-in. */
    @Test
    void insideAnOptimizerBothFormsOfGradMeanWhatTheySay() {
        CheckedProgram program = Pipeline.check(new SourceFile("t.hyp", """
                param w: real[3] = 1
                def loss(w) = sum(w^2)
                def quarter(a: real) = 0.25 * a^2
                optimizer scaled(lr = 0.1) {
                    step { w = w - lr * grad(quarter, 2.0) * grad(w) }
                }
                train w on loss by scaled for 1 steps
                """));
        OptimizerProgram compiled = OptimizerLowering.lower(program, program.program().all(Decl.Train.class).get(0));
        Object[] out = (Object[]) Interpreter.run(compiled.step(), List.of(t(X), 0));
        // grad(quarter, 2) = 1 and grad(w) = 2w: one plain gradient step
        assertArrayEquals(map(X, i -> X[i] - 0.1 * 2 * X[i]), ((Tensor) out[0]).data, 1e-12);
    }

    private static double[] centralDifferences(Function<double[], Double> f, double[] x) {
        double h = 1e-5;
        return map(x, i -> {
            double[] up = x.clone(), down = x.clone();
            up[i] += h;
            down[i] -= h;
            return (f.apply(up) - f.apply(down)) / (2 * h);
        });
    }
}
