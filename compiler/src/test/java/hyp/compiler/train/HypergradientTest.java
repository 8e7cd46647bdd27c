package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.runtime.Tensor;
import hyp.runtime.hyper.BinomialCheckpointing;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;
import hyp.runtime.train.CompiledDynamics;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hypergradients of per-feature L2 logistic regression through each standard optimizer: checkpointed strategies
 * must equal store-all, central differences must agree, and implicit differentiation must agree at convergence.
 */
class HypergradientTest {
    private record Setup(HypergradientProgram program, CompiledDynamics dynamics, double[] hyper, Map<String, Object> values,
                         GeneratedMethods methods) {}

    private static Setup setup(String optimizer, int steps) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", LogregProblem.trainedBy(optimizer, steps)));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        GeneratedMethods methods = new GeneratedMethods(hp.functions());
        Map<String, Object> values = LogregProblem.data(3, 12, 8, 4);
        CompiledDynamics d = hp.dynamics(values, methods);
        double[] hyper = ((Tensor) values.get("rho")).data.clone();
        return new Setup(hp, d, hyper, values, methods);
    }

    private static void close(double[] expected, double[] actual, double rel, String what) {
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * scale, what + "[" + i + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr = 0.5)", "momentum(lr = 0.2)", "nesterov(lr = 0.2)", "adam(lr = 0.05)",
            "adam_corrected(lr = 0.05)", "gd_armijo", "gd_exact(lr = 4.0)", "lbfgs#6"})
    void strategiesAgreeForEveryStandardOptimizer(String spec) {
        // "name#T" runs T steps instead of 40: L-BFGS near convergence divides by tiny s.y, so its path (and any
        // finite difference of it) turns noisy; the comparison with differences is made before that.
        String optimizer = spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec;
        int steps = spec.contains("#") ? Integer.parseInt(spec.substring(spec.indexOf('#') + 1)) : 40;
        Setup s = setup(optimizer, steps);
        Hypergradient all = new StoreAll().compute(s.dynamics(), steps, s.hyper());
        Hypergradient tree = new TreeCheckpointing().compute(s.dynamics(), steps, s.hyper());
        Hypergradient binomial = new BinomialCheckpointing(4).compute(s.dynamics(), steps, s.hyper());
        Hypergradient numerical = new NumericalHypergradient().compute(s.dynamics(), steps, s.hyper());
        close(all.gradient(), tree.gradient(), 1e-10, optimizer + " tree");
        close(all.gradient(), binomial.gradient(), 1e-10, optimizer + " binomial");
        close(all.gradient(), numerical.gradient(), 1e-6, optimizer + " numerical");
        assertTrue(tree.memory().storedStates() < all.memory().storedStates());
    }

    /** Adam's until rule (‖g‖ < 1e-6) freezes the state once it holds; the derivative follows that path. */
    @org.junit.jupiter.api.Test
    void theGradientNormStoppingRuleIsPartOfTheDerivative() {
        int steps = 2000;
        Setup s = setup("adam(lr = 0.05)", steps);
        double[] state = new double[s.dynamics().stateSize()], next = new double[state.length];
        s.dynamics().init(s.hyper(), state);
        int stoppedAt = -1;
        for (int t = 0; t < steps && stoppedAt < 0; t++) {
            if (s.dynamics().stops(t, state, s.hyper())) stoppedAt = t;
            s.dynamics().step(t, state, s.hyper(), next);
            double[] tmp = state;
            state = next;
            next = tmp;
        }
        assertTrue(stoppedAt > 0, "Adam should meet its until rule within " + steps + " steps");
        Hypergradient all = new StoreAll().compute(s.dynamics(), steps, s.hyper());
        Hypergradient numerical = new NumericalHypergradient().compute(s.dynamics(), steps, s.hyper());
        close(all.gradient(), numerical.gradient(), 1e-5, "adam with until");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd(lr = 1.0)", "momentum(lr = 0.5)", "nesterov(lr = 0.5)", "lbfgs"})
    void implicitAgreesWithUnrolledAtConvergence(String optimizer) {
        int steps = 3000;
        Setup s = setup(optimizer, steps);
        Hypergradient all = new StoreAll().compute(s.dynamics(), steps, s.hyper());
        double[] state = new double[s.dynamics().stateSize()], next = new double[state.length];
        s.dynamics().init(s.hyper(), state);
        for (int t = 0; t < steps; t++) {
            s.dynamics().step(t, state, s.hyper(), next);
            double[] tmp = state;
            state = next;
            next = tmp;
        }
        double[] w = java.util.Arrays.copyOf(state, 4);
        var objective = s.program().objective(s.dynamics(), s.values(), s.methods());
        double[] g = new double[4];
        objective.gradW(w, s.hyper(), g);
        double norm = Math.sqrt(java.util.Arrays.stream(g).map(x -> x * x).sum());
        assertTrue(norm < 1e-10, optimizer + " did not converge: |grad| = " + norm);
        Hypergradient implicit = new Implicit(Implicit.Options.defaults()).compute(objective, w, s.hyper());
        close(all.gradient(), implicit.gradient(), 1e-4, optimizer + " implicit");
    }
}
