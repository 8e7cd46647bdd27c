package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.gradcheck.ComplexStep;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Derivatives;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * conv2d, avgpool2, reshape and flatten in a small convolutional net: gradients against central differences and
 * the complex step, and second derivatives three ways — tangent of the adjoint, adjoint of the adjoint (which runs
 * the adjoint rules of the convolutions' own adjoints) and the complex step of the gradient code — against each
 * other and against differences of gradients.
 */
class ImageDerivativesTest {
    private static final String SOURCE = """
            def net(x: real[2, 8, 8], f: real[3, 2, 3, 3], g: real[4, 3, 2, 2]) -> real {
                a = tanh(conv2d(x, f))
                p = avgpool2(a)
                q = conv2d(p, g)
                h = reshape(flatten(q), 2, 8)
                return sum(tanh(h) * h) + 0.5 * sum(reshape(p, 27)^2) + sum(avgpool2(x[0]) * avgpool2(x[1]))
            }
            """;

    private static final Function NET = ComplexStepDefs.def(SOURCE, "net");
    private static final Function GRADIENT = Derivatives.adjoint(NET);
    private final Random random = new Random(5);

    private Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = 0.7 * random.nextGaussian();
        return t;
    }

    private List<Object> point() {
        return List.of(random(2, 8, 8), random(3, 2, 3, 3), random(4, 3, 2, 2));
    }

    private static Object[] run(Function f, List<Object> args) {
        Object r = Interpreter.run(f, args);
        return r instanceof Object[] a ? a : new Object[] {r};
    }

    private static double value(List<Object> p) {
        return (Double) run(NET, p)[0];
    }

    /** ∇net at p: one tensor per input. */
    private static List<Tensor> gradient(List<Object> p) {
        List<Object> args = new ArrayList<>(p);
        args.add(1.0);
        Object[] r = run(GRADIENT, args);
        return List.of((Tensor) r[1], (Tensor) r[2], (Tensor) r[3]);
    }

    private static List<Object> moved(List<Object> p, List<Tensor> v, double h) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < p.size(); k++) {
            Tensor x = ((Tensor) p.get(k)).copy();
            for (int i = 0; i < x.size(); i++) x.data[i] += h * v.get(k).data[i];
            out.add(x);
        }
        return out;
    }

    private static void close(Tensor expected, Tensor actual, double rel, String what) {
        assertEquals(Arrays.toString(expected.shape), Arrays.toString(actual.shape), what);
        double scale = 1;
        for (double e : expected.data) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.data[i], actual.data[i], rel * scale, what + "[" + i + "]");
    }

    @Test
    void gradientMatchesCentralDifferencesAndTheComplexStep() {
        List<Object> p = point();
        List<Tensor> g = gradient(p);
        List<Object> complex = ComplexStep.of(NET).gradient(p);
        double h = 1e-6;
        for (int k = 0; k < 3; k++) {
            Tensor x = (Tensor) p.get(k);
            Tensor fd = Tensor.zeros(x.shape);
            for (int i = 0; i < x.size(); i++) {
                List<Tensor> unit = new ArrayList<>();
                for (int j = 0; j < 3; j++) unit.add(Tensor.zeros(((Tensor) p.get(j)).shape));
                unit.get(k).data[i] = 1;
                fd.data[i] = (value(moved(p, unit, h)) - value(moved(p, unit, -h))) / (2 * h);
            }
            close(fd, g.get(k), 1e-7, "d/d(input " + k + ") by differences");
            close((Tensor) complex.get(k), g.get(k), 1e-12, "d/d(input " + k + ") by complex step");
        }
    }

    @Test
    void secondDerivativesAgreeThreeWaysAndWithDifferencesOfTheGradient() {
        List<Object> p = point();
        List<Tensor> v = List.of(random(2, 8, 8), random(3, 2, 3, 3), random(4, 3, 2, 2));
        // tangent of the adjoint: (x, f, g, bar, dx, df, dg, dbar) -> (y, x̄, f̄, ḡ, dy, dx̄, df̄, dḡ)
        List<Object> args = new ArrayList<>(p);
        args.add(1.0);
        args.addAll(v);
        args.add(0.0);
        Object[] forward = run(Derivatives.tangent(GRADIENT), args);
        // adjoint of the adjoint, seeded with v on the gradient's results: the cotangents of the inputs are H v
        Function reverse = Derivatives.adjoint(GRADIENT);
        List<Object> seeds = new ArrayList<>(p);
        seeds.add(1.0);
        seeds.add(0.0);
        seeds.addAll(v);
        Object[] backward = run(reverse, seeds);
        // the complex step of the gradient code along v
        List<Object> point = new ArrayList<>(p);
        point.add(1.0);
        List<Object> direction = new ArrayList<>(v);
        direction.add(null);
        List<Object> complex = ComplexStep.of(GRADIENT).derivative(point, direction);
        List<Tensor> plus = gradient(moved(p, v, 1e-5)), minus = gradient(moved(p, v, -1e-5));
        for (int k = 0; k < 3; k++) {
            Tensor hv = (Tensor) forward[5 + k];
            Tensor fd = Tensor.zeros(hv.shape);
            for (int i = 0; i < fd.size(); i++) fd.data[i] = (plus.get(k).data[i] - minus.get(k).data[i]) / 2e-5;
            close(fd, hv, 1e-7, "(H v) block " + k + " by differences of gradients");
            close(hv, (Tensor) backward[4 + k], 1e-12, "(H v) block " + k + " reverse over reverse");
            close(hv, (Tensor) complex.get(1 + k), 1e-12, "(H v) block " + k + " by complex step of the gradient");
        }
    }

    private static String error(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Pipeline.check(new SourceFile("t.hyp", source)));
        return e.diagnostics().get(0).message();
    }

    @Test
    void shapeRulesNeedLiteralSizesAndSayWhy() {
        assertTrue(error("def f(x: real[c, h, 8], k: real[2, c, 3, 3]) = sum(conv2d(x, k))")
                .contains("conv2d needs literal heights and widths"));
        assertTrue(error("def f(x: real[1, 8, 8], k: real[2, 3, 3, 3]) = sum(conv2d(x, k))")
                .contains("image channels and filter channels 1 and 3 differ"));
        assertTrue(error("def f(x: real[1, 4, 4], k: real[2, 1, 5, 3]) = sum(conv2d(x, k))")
                .contains("does not fit"));
        assertTrue(error("def f(x: real[2, 5, 4]) = sum(avgpool2(x))").contains("must be even"));
        assertTrue(error("def f(x: real[2, 3]) = sum(reshape(x, 4))").contains("(6 entries)"));
        assertTrue(error("def f(x: real[n, 3]) = sum(flatten(x))").contains("literal sizes"));
        assertTrue(error("def f(x: real[6]) = sum(reshape(x, 2, k))").contains("integer literals"));
    }
}
