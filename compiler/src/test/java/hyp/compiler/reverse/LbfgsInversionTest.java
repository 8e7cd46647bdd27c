package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.Tensor;
import hyp.runtime.reverse.ChainDrift;
import hyp.runtime.reverse.LbfgsInversion;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.train.CompiledObjective;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library's lbfgs, compiled, run forward and walked back by {@link LbfgsInversion}: subtracting the kept
 * steps recovers the chain to rounding, recomputing them inverts the step (exact over a few steps) but drifts
 * over a long run.
 */
class LbfgsInversionTest {
    private record Run(CompiledDynamics dynamics, CompiledObjective objective, double[] state0, double[] hyper) {
        LbfgsInversion.Result invert(int steps) {
            return LbfgsInversion.run(dynamics, objective, state0, hyper, steps, 1.0);
        }
    }

    private static Run lbfgs(int d, double start) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", Setup.PROBLEM.formatted("", "lbfgs")));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        Map<String, Object> values = Setup.data(d);
        values.put("w", Tensor.fill(start, d));
        GeneratedMethods methods = new GeneratedMethods(hp.functions());
        CompiledDynamics dynamics = hp.dynamics(values, methods);
        double[] hyper = ((Tensor) values.get("rho")).data.clone();
        for (int i = 0; i < hyper.length; i++) hyper[i] -= 8;     // a weak ridge: a longer run before convergence
        double[] s0 = new double[dynamics.stateSize()];
        dynamics.init(hyper, s0);
        return new Run(dynamics, hp.objective(dynamics, values, methods), s0, hyper);
    }

    private static double largest(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    @Test
    void theStateLayoutIsRecognised() {
        Run r = lbfgs(4, 0.0);
        assertTrue(LbfgsInversion.fits(r.dynamics().stateLayout()), r.dynamics().stateLayout().names().toString());
    }

    @Test
    void subtractingTheKeptStepsRecoversTheWholeChainToRounding() {
        Run run = lbfgs(20, 2.0);
        LbfgsInversion.Result r = run.invert(80);
        ChainDrift.Result sub = r.subtract();
        double scale = largest(sub.parameterNorm());
        assertTrue(scale > 1, "the chain moved: " + scale);
        assertTrue(sub.parameterError()[0] <= 1e-12 * scale, "w_0 off by " + sub.parameterError()[0]);
        for (int t = 0; t <= 80; t++) {
            assertTrue(sub.stateError()[t] <= 1e-12 * scale, "state " + t + " off by " + sub.stateError()[t]);
        }
        // The true chain is the compiled step's: check its last state against a plain run of the dynamics.
        double[] s = run.state0().clone(), next = new double[s.length];
        for (int t = 0; t < 80; t++) {
            run.dynamics().step(t, s, run.hyper(), next);
            System.arraycopy(next, 0, s, 0, s.length);
        }
        assertEquals(s[sub.element()], sub.trueFirst()[80], 0.0);
    }

    @Test
    void recomputingTheStepInvertsItOverAFewSteps() {
        Run run = lbfgs(20, 2.0);
        for (int steps = 1; steps <= 3; steps++) {
            LbfgsInversion.Result r = run.invert(steps);
            double scale = largest(r.recompute().parameterNorm());
            assertTrue(r.recompute().parameterError()[0] <= 1e-8 * scale,
                    steps + " steps: w_0 off by " + r.recompute().parameterError()[0]);
            assertTrue(r.recompute().stateError()[0] <= 1e-8 * scale, steps + " steps: s_0 off by " + r.recompute().stateError()[0]);
            assertEquals(steps, r.snappedSteps(), "every step length is lr·2^-k");
        }
    }

    @Test
    void recomputingTheStepDriftsOverALongRunAndSubtractingDoesNot() {
        Run run = lbfgs(20, 2.0);
        LbfgsInversion.Result r = run.invert(80);
        double sub = r.subtract().parameterError()[0], rec = r.recompute().parameterError()[0];
        assertTrue(rec > 1e4 * Math.max(sub, 1e-16), "recompute " + rec + " against subtract " + sub);
        assertTrue(r.growthSteps() >= 5 && r.growthPerStep() > 1.3,
                "growth " + r.growthPerStep() + " over " + r.growthSteps() + " steps");
    }
}
