package hyp.compiler.train;

import static hyp.compiler.testing.Agreement.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.runtime.Tensor;
import hyp.runtime.hyper.BinomialCheckpointing;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;
import hyp.runtime.train.CompiledDynamics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimizer settings that read hypers: a log learning rate and a 150-entry per-step schedule, differentiated by
 * every strategy that runs the optimizer, against the complex step and central differences.
 */
class TunedSettingsTest {
    private static final int STEPS = 150;
    private static final double LOG_LR = Math.log(0.05);

    private record Setup(HypergradientProgram program, CompiledDynamics dynamics, Map<String, Object> values, double[] hyper) {}

    private static Setup setup(String optimizer, String tuned) {
        return setup("", optimizer, tuned);
    }

    /** @param start "" or a {@code from} clause */
    private static Setup setup(String start, String optimizer, String tuned) {
        String source = LogregProblem.DECLARATIONS + "hyper loglr: real = -1\nhyper sched: real[" + STEPS + "] = -1\n"
                + "hyper logscale: real = 0\n"
                + "train w " + start + " on train_loss by " + optimizer + " for " + STEPS + " steps\n"
                + "tune " + tuned + " on valid_loss by adam(lr = 0.1) for 5 rounds\n";
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", source));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        Map<String, Object> values = LogregProblem.data(11, 12, 8, 4);
        values.put("loglr", LOG_LR);
        double[] sched = new double[STEPS];
        for (int k = 0; k < STEPS; k++) sched[k] = LOG_LR + 0.2 * Math.sin(k);
        values.put("sched", new Tensor(sched, STEPS));
        values.put("logscale", Math.log(0.5));
        values.put("w", new Tensor(new double[] {0.9, -1.3, 0.4, 2.1}, 4));
        CompiledDynamics d = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        return new Setup(hp, d, values, hp.hyperVector(d, values));
    }

    /** Fourth-order central differences of L_te with a step of 1e-3, each entry by four runs from the start. */
    private static double[] central(Setup s) {
        double[] g = new double[s.hyper().length];
        double h = 1e-3;
        for (int i = 0; i < g.length; i++) {
            g[i] = (8 * (shifted(s, i, h) - shifted(s, i, -h)) - (shifted(s, i, 2 * h) - shifted(s, i, -2 * h))) / (12 * h);
        }
        return g;
    }

    private static double shifted(Setup s, int i, double by) {
        double[] hyper = s.hyper().clone();
        hyper[i] += by;
        return loss(s, hyper);
    }

    private static double loss(Setup s, double[] hyper) {
        return s.dynamics().outerLoss(s.dynamics().run(hyper, STEPS), hyper);
    }

    private static void everyStrategyAgrees(Setup s, String what) {
        Hypergradient unrolled = new StoreAll().compute(s.dynamics(), STEPS, s.hyper());
        Hypergradient complex = ComplexStepHypergradient.of(s.program()).compute(s.values(), STEPS);
        close(complex.gradient(), unrolled.gradient(), 1e-8, what + " unrolled vs complex step");
        close(central(s), unrolled.gradient(), 1e-8, what + " unrolled vs central differences");
        close(unrolled.gradient(), new TreeCheckpointing().compute(s.dynamics(), STEPS, s.hyper()).gradient(), 1e-13,
                what + " tree");
        close(unrolled.gradient(), new BinomialCheckpointing(4).compute(s.dynamics(), STEPS, s.hyper()).gradient(), 1e-13,
                what + " binomial");
        close(unrolled.gradient(), new NumericalHypergradient().compute(s.dynamics(), STEPS, s.hyper()).gradient(), 1e-6,
                what + " numerical");
    }

    @Test
    void aLogLearningRate() {
        everyStrategyAgrees(setup("sgd(lr = exp(loglr))", "loglr"), "loglr");
    }

    @Test
    void aPerStepSchedule() {
        Setup s = setup("sgd(lr = exp(sched[t - 1]))", "sched");
        assertEquals(STEPS, s.hyper().length);
        everyStrategyAgrees(s, "sched");
    }

    @Test
    void aMomentumAndALearningRateTogether() {
        everyStrategyAgrees(setup("momentum(lr = exp(sched[t - 1]), beta = sigmoid(loglr + 3))", "sched, loglr"),
                "momentum");
    }

    /** The initial point's scale and the learning rate: init's adjoint carries the start's share. */
    @Test
    void aTunableInitialScale() {
        Setup s = setup("from exp(logscale) * w", "adam(lr = exp(loglr))", "logscale, loglr");
        everyStrategyAgrees(s, "start");
        Hypergradient g = new StoreAll().compute(s.dynamics(), STEPS, s.hyper());
        assertTrue(Math.abs(g.gradient()[0]) > 1e-6, "the start should matter: " + g.gradient()[0]);
    }

    /** With every entry equal to loglr the runs are the same, so dL/dloglr is the sum of dL/dsched over the steps. */
    @Test
    void theScalarHypergradientIsTheSumOfTheSchedules() {
        Setup scalar = setup("sgd(lr = exp(loglr))", "loglr");
        Setup sched = setup("sgd(lr = exp(sched[t - 1]))", "sched");
        double[] flat = new double[STEPS];
        java.util.Arrays.fill(flat, LOG_LR);
        Hypergradient one = new StoreAll().compute(scalar.dynamics(), STEPS, scalar.hyper());
        Hypergradient each = new StoreAll().compute(sched.dynamics(), STEPS, flat);
        double sum = 0;
        for (double g : each.gradient()) sum += g;
        assertEquals(one.value(), each.value(), 1e-15 * Math.abs(one.value()));
        assertTrue(Math.abs(one.gradient()[0]) > 1e-3, "the learning rate should matter: " + one.gradient()[0]);
        assertEquals(one.gradient()[0], sum, 1e-12 * Math.abs(one.gradient()[0]));
    }
}
