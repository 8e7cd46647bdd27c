package hyp.runtime.hyper;

/**
 * A run produced NaN or an infinity: in the optimizer's state after a step, in an adjoint during the reverse
 * sweep, in the validation loss or in the hypergradient. It names the first place found, by the names of the
 * .hyp file: the quantity ({@code state 'w'}), the step, the entry ({@code w[2]}) and its value.
 */
public final class NonFiniteValueException extends HypergradientException {
    private final String quantity;
    private final int step;
    private final String entry;
    private final double value;

    /**
     * @param quantity what is not finite, e.g. {@code state 'w'} or {@code the adjoint of state 'w'}
     * @param when where in the run, e.g. {@code after step 3}, {@code after init}, {@code in the reverse sweep
     *     at step 3}, or empty
     * @param step the step after (or, in a reverse sweep, at) which it appeared; 0 for init, -1 if none applies
     * @param entry the first offending entry, e.g. {@code w[2]} or {@code c}
     * @param value its value: NaN or an infinity
     * @param hint what may have caused it, or null
     */
    public NonFiniteValueException(String quantity, String when, int step, String entry, double value, String hint) {
        super(quantity + (when.isEmpty() ? "" : " " + when) + " is not finite: " + entry + " = " + value
                + (hint == null ? "" : " (" + hint + ")"));
        this.quantity = quantity;
        this.step = step;
        this.entry = entry;
        this.value = value;
    }

    /** What is not finite, e.g. {@code state 'w'}. */
    public String quantity() {
        return quantity;
    }

    /** The first step after which the value was not finite; 0 for init, -1 if no step applies. */
    public int step() {
        return step;
    }

    /** The first offending entry by its .hyp name, e.g. {@code w[2]}. */
    public String entry() {
        return entry;
    }

    /** The offending value: NaN or an infinity. */
    public double value() {
        return value;
    }
}
