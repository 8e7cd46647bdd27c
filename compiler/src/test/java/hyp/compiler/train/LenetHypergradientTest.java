package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.syntax.Decl;
import hyp.runtime.Tensor;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;
import hyp.runtime.train.CompiledDynamics;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A LeNet in miniature (two-channel 8×8 images, conv, pool, conv, pool, a dense layer; several params trained at
 * once, one L2 coefficient per weight): it trains, and its unrolled hypergradient through Adam — the adjoint of a
 * step whose gradient loops over the images — matches central differences of the whole training run.
 */
class LenetHypergradientTest {
    private static final String SOURCE = """
            data X: real[n, 128]
            data Y: real[n, 3]
            data Xv: real[m, 128]
            data Yv: real[m, 3]
            param F1: real[3, 2, 3, 3] = randn(0.4)
            param c1: real[3] = 0
            param F2: real[4, 3, 2, 2] = randn(0.4)
            param c2: real[4] = 0
            param W: real[3, 4] = randn(0.5)
            param b: real = 0.1
            hyper r1: real[3, 2, 3, 3] = -3
            hyper r2: real[4, 3, 2, 2] = -3
            hyper r3: real[3, 4] = -3

            def logits(x: real[128]) -> real[3] {
                a = avgpool2(tanh(conv2d(reshape(x, 2, 8, 8), F1) + reshape(outer(c1, ones(36)), 3, 6, 6)))
                h = avgpool2(tanh(conv2d(a, F2) + reshape(outer(c2, ones(4)), 4, 2, 2)))
                return W @ flatten(h) + b
            }
            def nll(x: real[128], y: real[3]) -> real {
                z = logits(x)
                return logsumexp(z) - y @ z
            }
            def train_loss() -> real {
                s = 0.0
                for i in 0..n { s = s + nll(X[i], Y[i]) }
                return s / n + 0.5 * (sum(exp(r1) * F1^2) + sum(exp(r2) * F2^2) + sum(exp(r3) * W^2))
            }
            def valid_loss() -> real {
                s = 0.0
                for i in 0..m { s = s + nll(Xv[i], Yv[i]) }
                return s / m
            }
            train F1, c1, F2, c2, W, b on train_loss by adam(lr = 0.05) for 8 steps
            tune r1, r2, r3 on valid_loss by adam(lr = 0.1) for 4 rounds
            """;

    /** Images whose class is the quadrant of channel 0 holding a bright blob, plus noise. */
    private static void images(Random rnd, int count, String x, String y, Map<String, Object> into) {
        Tensor images = Tensor.zeros(count, 128), labels = Tensor.zeros(count, 3);
        for (int i = 0; i < count; i++) {
            int c = i % 3;
            for (int p = 0; p < 128; p++) images.data[i * 128 + p] = 0.3 * rnd.nextGaussian();
            for (int u = 0; u < 4; u++) {
                for (int v = 0; v < 4; v++) images.data[i * 128 + (c == 1 ? 4 : 0) * 8 + (c == 2 ? 4 : 0) + u * 8 + v] += 1;
            }
            labels.data[i * 3 + c] = 1;
        }
        into.put(x, images);
        into.put(y, labels);
    }

    private static Map<String, Object> values(CheckedProgram program) {
        Map<String, Object> v = new HashMap<>();
        Random rnd = new Random(9);
        images(rnd, 6, "X", "Y", v);
        images(rnd, 4, "Xv", "Yv", v);
        v.put("F1", random(rnd, 0.4, 3, 2, 3, 3));
        v.put("c1", Tensor.zeros(3));
        v.put("F2", random(rnd, 0.4, 4, 3, 2, 2));
        v.put("c2", Tensor.zeros(4));
        v.put("W", random(rnd, 0.5, 3, 4));
        v.put("b", 0.1);
        v.put("r1", random(rnd, 0.3, 3, 2, 3, 3));
        v.put("r2", random(rnd, 0.3, 4, 3, 2, 2));
        v.put("r3", random(rnd, 0.3, 3, 4));
        for (String r : new String[] {"r1", "r2", "r3"}) {
            for (int i = 0; i < ((Tensor) v.get(r)).size(); i++) ((Tensor) v.get(r)).data[i] -= 3;
        }
        return v;
    }

    private static Tensor random(Random rnd, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = scale * rnd.nextGaussian();
        return t;
    }

    @Test
    void itTrainsAndItsUnrolledHypergradientMatchesDifferences() {
        CheckedProgram program = Pipeline.check(new SourceFile("lenet.hyp", SOURCE));
        HypergradientProgram hp = HypergradientProgram.compile(program);
        Map<String, Object> values = values(program);
        CompiledDynamics d = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        double[] hyper = new double[d.hyperSize()];
        for (int k = 0; k < 3; k++) d.hyperLayout().put(hyper, k, values.get(hp.hypers.get(k)));
        assertEquals(3 * 2 * 9 + 4 * 3 * 4 + 3 * 4, hyper.length);

        int steps = 8;
        double[] s = new double[d.stateSize()], next = new double[s.length];
        d.init(hyper, s);
        double start = d.outerLoss(s, hyper);
        for (int t = 0; t < steps; t++) {
            d.step(t, s, hyper, next);
            double[] swap = s;
            s = next;
            next = swap;
        }
        double trained = d.outerLoss(s, hyper);
        assertTrue(trained < 0.7 * start, "validation loss " + start + " -> " + trained);
        Map<String, Object> params = hp.packing.unpack(d.stateLayout().get(s, 0));
        assertEquals(java.util.List.of(3, 2, 3, 3), java.util.Arrays.stream(((Tensor) params.get("F1")).shape).boxed().toList());
        assertTrue(params.get("b") instanceof Double);

        Hypergradient unrolled = new StoreAll().compute(d, steps, hyper);
        Hypergradient tree = new TreeCheckpointing().compute(d, steps, hyper);
        Hypergradient numerical = new NumericalHypergradient().compute(d, steps, hyper);
        double scale = 0;
        for (double g : unrolled.gradient()) scale = Math.max(scale, Math.abs(g));
        assertTrue(scale > 1e-6, "a hypergradient worth checking: " + scale);
        for (int i = 0; i < hyper.length; i++) {
            assertEquals(numerical.gradient()[i], unrolled.gradient()[i], 1e-6 * scale, "dL_te/dλ[" + i + "]");
            assertEquals(unrolled.gradient()[i], tree.gradient()[i], 1e-12 * scale, "tree checkpointing, entry " + i);
        }
    }

    @Test
    void packingRoundTripsAndNeedsLiteralSizes() {
        CheckedProgram program = Pipeline.check(new SourceFile("lenet.hyp", SOURCE));
        ParamPacking packing = ParamPacking.of(program, program.program().all(Decl.Train.class).get(0));
        Map<String, Object> values = values(program);
        Map<String, Object> packed = packing.pack(values);
        Tensor w = (Tensor) packed.get(packing.name());
        assertEquals(54 + 3 + 48 + 4 + 12 + 1, w.size());
        assertEquals(((Tensor) values.get("c1")).data[2], w.data[54 + 2], 0.0);
        Map<String, Object> back = packing.unpack(w);
        for (String p : packing.targets()) assertEquals(values.get(p), back.get(p), p);

        String symbolic = "data X: real[n, d]\nparam w: real[d] = 0\nparam b: real = 0\n"
                + "def loss() = sum(X @ w) + b^2\ntrain w, b on loss by sgd for 3 steps\n";
        CheckedProgram p = Pipeline.check(new SourceFile("s.hyp", symbolic));
        CompileException e = assertThrows(CompileException.class,
                () -> ParamPacking.of(p, p.program().all(Decl.Train.class).get(0)));
        assertTrue(e.diagnostics().get(0).message().contains("'w' is real[d]"), e.diagnostics().get(0).message());
    }
}
