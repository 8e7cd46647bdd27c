package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.compiler.train.ComplexStepHypergradient;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.Tensor;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.train.CompiledDynamics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reversible learning of a per-step learning-rate schedule, a momentum's step size and an initial scale: the
 * inverse step is derived with the hypers in the increment, and the hypergradient equals the complex step's.
 */
class ReversibleScheduleTest {
    private static final int STEPS = 60;

    @Test
    void aScheduleAndAnInitialScaleByRunningBackwards() {
        String source = LogregProblem.DECLARATIONS + "hyper sched: real[" + STEPS + "] = -2\nhyper logscale: real = 0\n"
                + "train w from exp(logscale) * w on train_loss by momentum(lr = exp(sched[t - 1]), beta = 0.9) for "
                + STEPS + " steps\ntune sched, logscale on valid_loss by adam(lr = 0.1) for 5 rounds using reversible\n";
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", source));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        ReversibleProgram rp = ReversibleProgram.compile(checked, hp);
        Map<String, Object> values = LogregProblem.data(5, 12, 8, 4);
        double[] sched = new double[STEPS];
        for (int k = 0; k < STEPS; k++) sched[k] = Math.log(0.2) + 0.3 * Math.cos(k);
        values.put("sched", new Tensor(sched, STEPS));
        values.put("logscale", Math.log(0.5));
        values.put("w", new Tensor(new double[] {0.9, -1.3, 0.4, 2.1}, 4));
        CompiledDynamics dynamics = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        double[] hyper = hp.hyperVector(dynamics, values);
        Reversible reversible = new Reversible(rp.sequence(dynamics, values, new GeneratedMethods(rp.functions())));
        Hypergradient backwards = reversible.compute(dynamics, STEPS, hyper);
        Hypergradient complex = ComplexStepHypergradient.of(hp).compute(values, STEPS);
        double scale = 0;
        for (double g : complex.gradient()) scale = Math.max(scale, Math.abs(g));
        assertTrue(scale > 1e-3, "the schedule should matter: " + scale);
        assertTrue(Math.abs(complex.gradient()[STEPS]) > 1e-4, "the initial scale should matter");
        for (int i = 0; i < hyper.length; i++) {
            assertEquals(complex.gradient()[i], backwards.gradient()[i], 1e-10 * scale, "entry " + i);
        }
    }
}
