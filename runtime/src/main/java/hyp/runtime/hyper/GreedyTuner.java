package hyp.runtime.hyper;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's greedy hyperparameter loop, warm-started:
 *
 * <pre>
 *   s ← init(λ)
 *   repeat rounds times:
 *       from s run k steps, differentiating L_te(s_k) in λ   (any {@link HypergradientStrategy})
 *       s ← s_k;  λ ← update(λ, ∇_λ)
 * </pre>
 *
 * The inner state is carried forward across rounds and treated as a constant at the start of each
 * round, so each hypergradient looks only k steps back (see {@link WarmStart}).
 *
 * <p>{@link #wholeRuns} tunes what shapes the run itself (a learning rate, a per-step schedule, the initial
 * point) as Maclaurin et al. (2015) do: each round trains from s_0 = init(λ) through all T steps and
 * differentiates the whole run, since a warm-started round would see neither the earlier steps' settings nor
 * the start.
 */
public final class GreedyTuner {
    private final HypergradientStrategy strategy;
    private final int stepsPerRound;
    private final OuterUpdate update;
    private final boolean restart;

    /** @param stepsPerRound k ≥ 1, the inner steps differentiated through in each round */
    public GreedyTuner(HypergradientStrategy strategy, int stepsPerRound, OuterUpdate update) {
        this(strategy, stepsPerRound, update, false);
    }

    private GreedyTuner(HypergradientStrategy strategy, int stepsPerRound, OuterUpdate update, boolean restart) {
        if (stepsPerRound < 1) throw new IllegalArgumentException("steps per round must be >= 1, got " + stepsPerRound);
        this.strategy = strategy;
        this.stepsPerRound = stepsPerRound;
        this.update = update;
        this.restart = restart;
    }

    /** Rounds that each run all {@code steps} from init(λ) and differentiate through the whole run. */
    public static GreedyTuner wholeRuns(HypergradientStrategy strategy, int steps, OuterUpdate update) {
        return new GreedyTuner(strategy, steps, update, true);
    }

    /** Runs {@code rounds} rounds from λ = {@code hyper} (not modified) and s_0 = init(λ). */
    public TuningResult tune(Dynamics dynamics, double[] hyper, int rounds, TuningListener listener) {
        Vectors.requireLength(hyper, dynamics.hyperSize(), "hyper");
        double[] lambda = hyper.clone();
        double[] state = new double[dynamics.stateSize()];
        double[] next = new double[dynamics.stateSize()];
        dynamics.init(lambda, state);
        List<TuningRound> history = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Dynamics view = restart ? dynamics : new WarmStart(dynamics, state, round * stepsPerRound);
            Hypergradient g = strategy.compute(view, stepsPerRound, lambda, next);
            TuningRound report = new TuningRound(round, g.value(), g.gradientNorm(), g.work());
            history.add(report);
            listener.onRound(report);
            update.apply(lambda, g.gradient());
            Vectors.requireFinite(lambda, "λ", "GreedyTuner round " + round);
            double[] swap = state;
            state = next;
            next = swap;
        }
        return new TuningResult(lambda, state, history);
    }
}
