package hyp.runtime.hyper;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's "honest" implicit loop:
 *
 * <pre>
 *   s ← init(λ)
 *   repeat rounds times:
 *       from s run the dynamics until ‖∇_w L_tr‖ ≤ tolerance or the step budget is spent  (warm start)
 *       ∇_λ ← implicit hypergradient at w = w(s)
 *       λ ← update(λ, ∇_λ)
 * </pre>
 *
 * The state's first {@link InnerObjective#paramSize()} entries are w (the package's layout convention).
 * A round whose inner run stops on the budget still takes the implicit step: w is then only near w*, and
 * the hypergradient approximate; a CG failure aborts the run with its report.
 */
public final class ImplicitTuner {
    /**
     * @param maxInnerSteps     step budget of each inner run
     * @param gradientTolerance stop the inner run when ‖∇_w L_tr‖ ≤ this
     * @param checkEvery        evaluate ‖∇_w L_tr‖ every this many steps (a gradient can cost as much as a step)
     */
    public record Options(int maxInnerSteps, double gradientTolerance, int checkEvery) {
        public Options {
            if (maxInnerSteps < 0) throw new IllegalArgumentException("maxInnerSteps must be >= 0, got " + maxInnerSteps);
            if (!(gradientTolerance >= 0)) throw new IllegalArgumentException("gradientTolerance must be >= 0");
            if (checkEvery < 1) throw new IllegalArgumentException("checkEvery must be >= 1, got " + checkEvery);
        }
    }

    private final Implicit implicit;
    private final OuterUpdate update;
    private final Options options;

    public ImplicitTuner(Implicit implicit, OuterUpdate update, Options options) {
        this.implicit = implicit;
        this.update = update;
        this.options = options;
    }

    /** Runs {@code rounds} rounds from λ = {@code hyper} (not modified) and s_0 = init(λ). */
    public TuningResult tune(Dynamics dynamics, InnerObjective objective, double[] hyper, int rounds,
                             TuningListener listener) {
        Vectors.requireLength(hyper, dynamics.hyperSize(), "hyper");
        if (objective.hyperSize() != dynamics.hyperSize() || objective.paramSize() > dynamics.stateSize()) {
            throw new IllegalArgumentException("objective sizes (w " + objective.paramSize() + ", λ " + objective.hyperSize()
                    + ") do not fit the dynamics (state " + dynamics.stateSize() + ", λ " + dynamics.hyperSize() + ")");
        }
        double[] lambda = hyper.clone();
        double[] state = new double[dynamics.stateSize()];
        double[] next = new double[dynamics.stateSize()];
        double[] w = new double[objective.paramSize()];
        double[] grad = new double[objective.paramSize()];
        dynamics.init(lambda, state);
        int t = 0;
        List<TuningRound> history = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int steps = 0;
            while (true) {
                if (steps % options.checkEvery() == 0 || steps == options.maxInnerSteps()) {
                    System.arraycopy(state, 0, w, 0, w.length);
                    objective.gradW(w, lambda, grad);
                    double norm = Vectors.norm(grad);
                    Vectors.requireFinite(norm, "‖∇_w L_tr‖", "ImplicitTuner inner run, round " + round + ", step " + t);
                    if (norm <= options.gradientTolerance()) break;
                }
                if (steps == options.maxInnerSteps()) break;
                dynamics.step(t++, state, lambda, next);
                double[] swap = state;
                state = next;
                next = swap;
                steps++;
            }
            System.arraycopy(state, 0, w, 0, w.length);
            Hypergradient g = implicit.compute(objective, w, lambda);
            Work work = g.work().plus(Work.ofSteps(steps, 0));
            TuningRound report = new TuningRound(round, g.value(), g.gradientNorm(), work);
            history.add(report);
            listener.onRound(report);
            update.apply(lambda, g.gradient());
            Vectors.requireFinite(lambda, "λ", "ImplicitTuner round " + round);
        }
        return new TuningResult(lambda, state, history);
    }
}
