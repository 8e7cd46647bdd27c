package hyp.runtime.reverse;

/** Values a step computes from the optimizer state: the increments of one group of updates, or the until rule. */
@FunctionalInterface
public interface IncrementFunction {
    /**
     * @param state the flattened state (laid out as the dynamics lays it out; the until flag, if any, is not read)
     * @param hyper the flattened hyperparameters
     * @param step  the optimizer's step number t, 1 for the first step
     * @return one value per update (a Double or a Tensor of the target's shape), then the until flag (a Boolean)
     *         when the function computes it
     */
    Object[] apply(double[] state, double[] hyper, int step);
}
