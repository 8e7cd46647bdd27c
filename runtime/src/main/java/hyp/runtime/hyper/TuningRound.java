package hyp.runtime.hyper;

/**
 * One round of a tuning driver, as reported to a {@link TuningListener}.
 *
 * @param round          0-based round number
 * @param validationLoss L_te at the end of the round's inner run, before λ is updated
 * @param gradientNorm   ‖∇_λ L_te‖ used for the update
 * @param work           work spent in the round (inner steps included)
 */
public record TuningRound(int round, double validationLoss, double gradientNorm, Work work) {}
