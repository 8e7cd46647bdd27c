package hyp.runtime.hyper;

import java.util.List;

/**
 * What a tuning run ends with.
 *
 * @param hyper  the final hyperparameters, one flat vector (the hypers in order, each row-major; {@code
 *               Solver.named} splits it by name)
 * @param state  the final inner state (w and optimizer memory)
 * @param rounds every round, in order
 */
public record TuningResult(double[] hyper, double[] state, List<TuningRound> rounds) {
    /** Keeps an unmodifiable copy of the rounds. */
    public TuningResult {
        rounds = List.copyOf(rounds);
    }
}
