package hyp.runtime.exact;

/**
 * The reversible form of a decaying state update {@code x ← γ·x + increment} in fixed point, as used by
 * momentum ({@code v ← γ·v − (1−γ)·g}) and Adam's moments. Forward multiplies exactly by γ through an
 * {@link InformationBuffer}, then adds the increment rounded to fixed point; {@link #inverse} subtracts
 * the same rounded increment and divides exactly, so forward-then-inverse restores x and the buffer
 * bit-for-bit, provided the caller passes bit-identical increments (which it will when they are
 * recomputed from exactly restored state).
 *
 * <p>On overflow the exception names the element, which is left as it was (x and buffer); elements
 * before it are already updated.
 *
 * <p>One buffer may serve several updates (say m and v of Adam) as long as the inverses run in exactly
 * the reverse order of the forwards. Element i of x uses element i of the buffer.
 */
public final class ReversibleUpdate {
    private final String variable;
    private final FixedPointFormat format;
    private final InformationBuffer buffer;
    private final Radices gamma;

    /**
     * @param variable name used in overflow messages, e.g. "m"
     * @param gamma    the decay rate, 0 &lt; γ, numerator and denominator at most 2^31
     */
    public ReversibleUpdate(String variable, Rational gamma, FixedPointFormat format, InformationBuffer buffer) {
        this.variable = variable;
        this.format = format;
        this.buffer = buffer;
        this.gamma = Radices.of(gamma);
    }

    /** The decay rate γ. */
    public Rational gamma() {
        return gamma.gamma();
    }

    /** {@code x[i] ← γ·x[i] + increment[i]}; {@code step} only labels overflow messages. */
    public void forward(long[] x, double[] increment, long step) {
        forward(x, 1.0, increment, step);
    }

    /** The exact inverse of {@link #forward(long[], double[], long)} given the same increment. */
    public void inverse(long[] x, double[] increment, long step) {
        inverse(x, 1.0, increment, step);
    }

    /**
     * {@code x[i] ← γ·x[i] + scale·g[i]}, the product rounded to fixed point. Saves the caller a scratch
     * array for increments such as (1−γ)·g.
     */
    public void forward(long[] x, double scale, double[] g, long step) {
        checkLengths(x, g);
        for (int i = 0; i < x.length; i++) {
            long inc = format.fromDouble(scale * g[i], variable, i, step);
            long xi = buffer.mulExact(x[i], i, gamma, variable, step);
            try {
                x[i] = format.add(xi, inc, variable, i, step);
            } catch (FixedPointOverflowException e) {
                buffer.unmulExact(xi, i, gamma, variable, step);   // leave element i as it was
                throw e;
            }
        }
    }

    /** The exact inverse of {@link #forward(long[], double, double[], long)} given the same scale and g. */
    public void inverse(long[] x, double scale, double[] g, long step) {
        checkLengths(x, g);
        for (int i = 0; i < x.length; i++) {
            long xi = format.subtract(x[i], format.fromDouble(scale * g[i], variable, i, step), variable, i, step);
            x[i] = buffer.unmulExact(xi, i, gamma, variable, step);
        }
    }

    private void checkLengths(long[] x, double[] g) {
        if (x.length != g.length || x.length > buffer.elements()) {
            throw new IllegalArgumentException("ReversibleUpdate(" + variable + "): " + x.length + " values, "
                    + g.length + " increments, " + buffer.elements() + " buffers");
        }
    }
}
