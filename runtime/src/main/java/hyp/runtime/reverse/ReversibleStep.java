package hyp.runtime.reverse;

/**
 * Runs an {@link UpdateSequence} forwards and backwards from a start state: after {@code k} calls of
 * {@link #forward()} and {@code k} of {@link #inverse()} the state is s_0 again, up to the arithmetic of
 * the implementation ({@link FloatReversibleStep} drifts, {@link ExactReversibleStep} does not).
 *
 * <p>The until rule is honoured as the compiled step does: once it holds after step t, later steps leave
 * the state as it is. Only the step at which it first held is remembered (O(1) memory), which is all the
 * inverse needs to know which steps were frozen.
 */
public sealed interface ReversibleStep permits SequenceRunner {
    /** The sequence this runs. */
    UpdateSequence sequence();

    /** Starts from s_0 (a flattened state with the until flag, if any, at 0) and λ; forgets everything else. */
    default void start(double[] state0, double[] hyper) {
        start(state0, hyper, 0);
    }

    /** As {@link #start(double[], double[])} for a view whose s_0 is step {@code firstStep} of a longer run. */
    void start(double[] state0, double[] hyper, int firstStep);

    /** s_t → s_{t+1}. */
    void forward();

    /** s_{t+1} → s_t; throws at s_0. */
    void inverse();

    /** t: the number of steps the current state is past s_0. */
    int step();

    /** The step index at which the until rule first held (the state is frozen after it), or −1. */
    int stoppedAt();

    /** Writes the current state, as doubles in the dynamics' layout, into {@code out}. */
    void view(double[] out);
}
