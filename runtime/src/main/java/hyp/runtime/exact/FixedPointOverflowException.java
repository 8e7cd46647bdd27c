package hyp.runtime.exact;

/**
 * A value left the range of a 64-bit fixed-point format. Raised instead of wrapping, with the variable,
 * element index and step where it happened (each optional: {@code null}, or a negative index or step,
 * when the caller did not supply it).
 */
public final class FixedPointOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Passed as {@code step} when there is no step to report. */
    public static final long NO_STEP = -1;

    private final String variable;
    private final int index;
    private final long step;

    /** {@code detail} says what overflowed, e.g. "5.0E18 + 5.0E18 exceeds ±2^23". */
    public FixedPointOverflowException(String variable, int index, long step, String detail) {
        super("fixed-point overflow in " + where(variable, index, step) + ": " + detail);
        this.variable = variable;
        this.index = index;
        this.step = step;
    }

    /** The variable name supplied by the caller, or {@code null}. */
    public String variable() {
        return variable;
    }

    /** The element index, or -1 for a scalar. */
    public int index() {
        return index;
    }

    /** The step supplied by the caller, or {@link #NO_STEP}. */
    public long step() {
        return step;
    }

    private static String where(String variable, int index, long step) {
        StringBuilder b = new StringBuilder(variable == null ? "value" : variable);
        if (index >= 0) {
            b.append('[').append(index).append(']');
        }
        if (step >= 0) {
            b.append(" at step ").append(step);
        }
        return b.toString();
    }
}
