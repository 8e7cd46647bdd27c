package hyp.compiler.reverse;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.Tensor;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledDynamics;
import java.util.Map;

/**
 * Per-feature L2 logistic regression (the logreg example's problem) on seeded random data, trained by a given
 * optimizer, compiled for running backwards.
 */
record Setup(HypergradientProgram program, ReversibleProgram reversible, CompiledDynamics dynamics,
             UpdateSequence sequence, double[] hyper) {
    static final String PROBLEM = LogregProblem.DECLARATIONS + """
            %s
            train w on train_loss by %s for 100 steps
            tune rho on valid_loss by adam(lr = 0.1) for 10 rounds
            """;

    /** Adam in the seed's form without the until rule, so every one of T steps updates the state. */
    static final String ADAM_RUNNING = """
            optimizer adam_running(lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-8) {
                init { m = grad(w); v = grad(w)^2 }
                step {
                    w = w - lr * m / (sqrt(v) + eps)
                    g = grad(w)
                    m = b1 * m + (1 - b1) * g
                    v = b2 * v + (1 - b2) * g^2
                }
            }
            """;

    static Setup of(String optimizer) {
        return of("", optimizer, 10);
    }

    /** Only the compile step: the analysis and the increment functions, or the located error. */
    static ReversibleProgram compile(String declarations, String optimizer) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", PROBLEM.formatted(declarations, optimizer)));
        return ReversibleProgram.compile(checked, HypergradientProgram.compile(checked));
    }

    /** @param declarations optimizers declared in the file; {@code d} features */
    static Setup of(String declarations, String optimizer, int d) {
        CheckedProgram checked = Pipeline.check(new SourceFile("t.hyp", PROBLEM.formatted(declarations, optimizer)));
        HypergradientProgram hp = HypergradientProgram.compile(checked);
        ReversibleProgram rp = ReversibleProgram.compile(checked, hp);
        Map<String, Object> values = data(d);
        CompiledDynamics dynamics = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        UpdateSequence seq = rp.sequence(dynamics, values, new GeneratedMethods(rp.functions()));
        double[] hyper = ((Tensor) values.get("rho")).data.clone();
        return new Setup(hp, rp, dynamics, seq, hyper);
    }

    static Map<String, Object> data(int d) {
        return LogregProblem.data(7, 24, 12, d);
    }

    double[] initialState() {
        double[] s = new double[dynamics.stateSize()];
        dynamics.init(hyper, s);
        return s;
    }
}
