package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.testing.LogregProblem;
import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.hyper.BinomialCheckpointing;
import hyp.runtime.hyper.GreedyTuner;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.train.CompiledDynamics;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hypergradients through minibatched training (12 rows in batches of 5: two full batches and a partial one of 2
 * per epoch, three epochs): checked against central differences and the complex step, every strategy on the same
 * batch sequence, the batches the generated step really reads, and a batch of the whole set against full batch.
 */
class MinibatchHypergradientTest {
    private static final int ROWS = 12;

    private record Setup(HypergradientProgram program, CheckedProgram checked, CompiledDynamics dynamics, double[] hyper,
                         Map<String, Object> values, int steps) {}

    private static String source(String optimizer, String schedule) {
        return LogregProblem.DECLARATIONS + "train w on train_loss by " + optimizer + " " + schedule + "\n"
                + "tune rho on valid_loss by adam(lr = 0.1) for 10 rounds\n";
    }

    private static Setup setup(String optimizer, String schedule) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", source(optimizer, schedule)));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        Map<String, Object> values = LogregProblem.data(3, ROWS, 8, 4);
        CompiledDynamics d = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        double[] hyper = ((Tensor) values.get("rho")).data.clone();
        return new Setup(hp, checked, d, hyper, values, hp.optimizer.steps(values));
    }

    private static Setup batched(String optimizer) {
        return setup(optimizer, "for 3 epochs batch 5 seed 11");
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static void close(double[] expected, double[] actual, double rel, String what) {
        double scale = maxAbs(expected);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], rel * scale, what + "[" + i + "]");
    }

    @Test
    void epochsCountBatchesPerEpochIncludingThePartialOne() {
        assertEquals(9, batched("sgd(lr = 0.5)").steps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr = 0.5)", "momentum(lr = 0.2)", "adam(lr = 0.05)"})
    void theHypergradientMatchesCentralDifferencesAndTheComplexStep(String optimizer) {
        Setup s = batched(optimizer);
        Hypergradient all = new StoreAll().compute(s.dynamics(), s.steps(), s.hyper());
        Hypergradient numerical = new NumericalHypergradient().compute(s.dynamics(), s.steps(), s.hyper());
        close(numerical.gradient(), all.gradient(), 1e-6, optimizer + " against central differences");
        Hypergradient complex = ComplexStepHypergradient.of(s.program()).compute(s.values(), s.steps());
        close(complex.gradient(), all.gradient(), 1e-12, optimizer + " against the complex step");
        assertEquals(complex.value(), all.value(), 1e-14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum(lr = 0.2)", "adam_corrected(lr = 0.05)"})
    void everyStrategyFollowsTheSameBatchSequence(String optimizer) {
        Setup s = batched(optimizer);
        Hypergradient all = new StoreAll().compute(s.dynamics(), s.steps(), s.hyper());
        assertArrayEquals(all.gradient(), new TreeCheckpointing().compute(s.dynamics(), s.steps(), s.hyper()).gradient());
        for (int snapshots = 1; snapshots <= 4; snapshots++) {
            assertArrayEquals(all.gradient(), new BinomialCheckpointing(snapshots)
                    .compute(s.dynamics(), s.steps(), s.hyper()).gradient(), "binomial with " + snapshots + " snapshots");
        }
        ReversibleProgram rp = ReversibleProgram.compile(s.checked(), s.program());
        var sequence = rp.sequence(s.dynamics(), s.values(), new GeneratedMethods(rp.functions()));
        Hypergradient reversible = new Reversible(sequence).compute(s.dynamics(), s.steps(), s.hyper());
        close(all.gradient(), reversible.gradient(), 1e-9, optimizer + " reversible");
    }

    /** SGD written out by hand on the rows the schedule names: the step must read exactly those, with n = their count. */
    @Test
    void eachStepReadsItsBatchWithTheBatchSizeAsN() {
        double lr = 0.5;
        Setup s = batched("sgd(lr = " + lr + ")");
        Tensor x = (Tensor) s.values().get("X"), y = (Tensor) s.values().get("y");
        int d = x.shape[1];
        double[] w = new double[d];
        Minibatches batches = new Minibatches(ROWS, 5, 11);
        for (int t = 0; t < s.steps(); t++) {
            int[] rows = batches.rows(t);
            double[] g = new double[d];
            for (int r : rows) {
                double z = 0;
                for (int j = 0; j < d; j++) z += x.data[r * d + j] * w[j];
                double coef = -y.data[r] / (1 + Math.exp(y.data[r] * z)); // d/dz softplus(-y z)
                for (int j = 0; j < d; j++) g[j] += coef * x.data[r * d + j] / rows.length;
            }
            for (int j = 0; j < d; j++) w[j] -= lr * (g[j] + Math.exp(s.hyper()[j]) * w[j]);
        }
        double[] state = s.dynamics().run(s.hyper(), s.steps());
        close(w, Arrays.copyOf(state, d), 1e-12, "trained w");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr = 0.5)", "adam(lr = 0.05)"})
    void aBatchOfTheWholeSetIsFullBatchBitForBit(String optimizer) {
        Setup full = setup(optimizer, "for 20 steps");
        Setup whole = setup(optimizer, "for 20 epochs batch " + ROWS + " seed 5");
        assertEquals(20, whole.steps());
        Hypergradient a = new StoreAll().compute(full.dynamics(), 20, full.hyper());
        Hypergradient b = new StoreAll().compute(whole.dynamics(), 20, whole.hyper());
        assertArrayEquals(a.gradient(), b.gradient());
        assertEquals(a.value(), b.value());
        assertArrayEquals(full.dynamics().run(full.hyper(), 20), whole.dynamics().run(whole.hyper(), 20));
    }

    @Test
    void theSeedFixesTheRunAndAnotherSeedChangesIt() {
        Setup a = batched("adam(lr = 0.05)"), again = batched("adam(lr = 0.05)");
        Setup other = setup("adam(lr = 0.05)", "for 3 epochs batch 5 seed 12");
        double[] g = new StoreAll().compute(a.dynamics(), a.steps(), a.hyper()).gradient();
        assertArrayEquals(g, new StoreAll().compute(again.dynamics(), again.steps(), again.hyper()).gradient());
        assertFalse(Arrays.equals(g, new StoreAll().compute(other.dynamics(), other.steps(), other.hyper()).gradient()));
        Setup full = setup("adam(lr = 0.05)", "for 9 steps");
        assertFalse(Arrays.equals(g, new StoreAll().compute(full.dynamics(), 9, full.hyper()).gradient()));
    }

    /** Greedy rounds of k steps continue the batch sequence: with λ held still they retrace the plain run. */
    @Test
    void greedyRoundsWalkThroughTheEpochs() {
        Setup s = batched("momentum(lr = 0.2)");
        int k = 2, rounds = 4; // 8 steps: rounds straddle the epoch boundaries at steps 3 and 6
        TuningResult still = new GreedyTuner(new TreeCheckpointing(), k, (lambda, gradient) -> { })
                .tune(s.dynamics(), s.hyper(), rounds, TuningListener.NONE);
        assertArrayEquals(s.dynamics().run(s.hyper(), k * rounds), still.state());
    }

    @Test
    void dataThatCannotFollowTheRowsIsALocatedError() {
        String text = LogregProblem.DECLARATIONS.replace("hyper rho: real[d] = -2", "hyper rho: real[d] = -2\nhyper c: real[n] = 0")
                .replace("0.5 * sum(exp(rho) * w^2)", "0.5 * sum(exp(rho) * w^2) + sum(c)")
                + "train w on train_loss by sgd(lr = 0.1) for 2 epochs batch 4\n";
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", text));
        CompileException e = assertThrows(CompileException.class,
                () -> OptimizerLowering.lower(checked, checked.program().all(hyp.compiler.syntax.Decl.Train.class).get(0)));
        assertTrue(e.getMessage().contains("hyper 'c'") && e.getMessage().contains("cannot follow the rows"), e.getMessage());
    }

    @Test
    void aBatchLargerThanTheSetIsALocatedError() {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", source("sgd(lr = 0.5)", "for 2 epochs batch 13")));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        Map<String, Object> values = LogregProblem.data(3, ROWS, 8, 4);
        CompileException e = assertThrows(CompileException.class, () -> hp.optimizer.steps(values));
        assertTrue(e.getMessage().contains("batch 13 is larger than the training set: data 'X' has 12 rows"), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.hyp:"), e.getMessage());
    }
}
