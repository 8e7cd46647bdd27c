package hyp.runtime.hyper;

import java.util.List;

/**
 * What a tuning run ends with.
 *
 * @param hyper  the final hyperparameters
 * @param state  the final inner state (w and optimizer memory)
 * @param rounds every round, in order
 */
public record TuningResult(double[] hyper, double[] state, List<TuningRound> rounds) {
  public TuningResult {
    rounds = List.copyOf(rounds);
  }
}
