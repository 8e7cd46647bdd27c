package hyp.runtime.reverse;

/**
 * The sequence in plain doubles: forward {@code x ← γx + sign·f}, inverse {@code x ← (x − sign·f)/γ}. Every
 * operation rounds, and dividing by γ &lt; 1 amplifies what was lost, so the recovered chain drifts from the
 * true one; this is the "float inversion" that shows why the exact step is needed.
 *
 * <p>An implicit update (f reads x through grad) is inverted by the fixed-point iteration
 * {@code x ← (x' − sign·f(x))/γ} from x = x' until it stops changing (at most {@link #MAX_ITERATIONS} times).
 */
public final class FloatReversibleStep extends SequenceRunner {
    /** Cap on the fixed-point iterations of an implicit inverse. */
    public static final int MAX_ITERATIONS = 1000;

    private final double[] target;
    private final double[] largestImplicit;
    private long implicitEvaluations;

    public FloatReversibleStep(UpdateSequence seq) {
        super(seq);
        int largest = 0;
        for (int k = 0; k < seq.memory(); k++) largest = Math.max(largest, seq.state().size(k));
        this.target = new double[largest];
        this.largestImplicit = new double[seq.memory()];
    }

    @Override
    void load(double[] state0) {
        System.arraycopy(state0, 0, view, 0, seq.memorySize());
    }

    @Override
    void forwardExplicit(Update u, Object increment, int t) {
        checkSize(u, increment);
        int off = seq.state().offset(u.target()), n = seq.state().size(u.target());
        double a = u.gamma().toDouble();
        boolean scales = u.scales();
        for (int i = 0; i < n; i++) {
            double f = u.sign() * component(increment, i);
            view[off + i] = scales ? a * view[off + i] + f : view[off + i] + f;
        }
    }

    @Override
    void inverseExplicit(Update u, Object increment, int t) {
        checkSize(u, increment);
        int off = seq.state().offset(u.target()), n = seq.state().size(u.target());
        double a = u.gamma().toDouble();
        boolean scales = u.scales();
        for (int i = 0; i < n; i++) {
            double y = view[off + i] - u.sign() * component(increment, i);
            view[off + i] = scales ? y / a : y;
        }
    }

    @Override
    void forwardImplicit(int group, Update u, Object increment, int t) {
        checkSize(u, increment);
        int n = seq.state().size(u.target());
        for (int i = 0; i < n; i++) {
            largestImplicit[u.target()] = Math.max(largestImplicit[u.target()], Math.abs(component(increment, i)));
        }
        forwardExplicit(u, increment, t);
    }

    /** The largest |f| an implicit update of memory entry k has added so far (0 if none). */
    double largestImplicitIncrement(int k) {
        return largestImplicit[k];
    }

    @Override
    void inverseImplicit(int group, Update u, int t) {
        int off = seq.state().offset(u.target()), n = seq.state().size(u.target());
        System.arraycopy(view, off, target, 0, n);           // x', what the forward update produced
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Object f = implicitIncrement(group);              // f at the current guess of x, held in the view
            implicitEvaluations++;
            checkSize(u, f);
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                double y = target[i] - u.sign() * component(f, i);
                double next = u.scales() ? y / u.gamma().toDouble() : y;
                if (Double.doubleToLongBits(next) != Double.doubleToLongBits(view[off + i])) changed = true;
                view[off + i] = next;
            }
            if (!changed) return;
        }
    }

    /** Increment evaluations spent by implicit inverses so far. */
    public long implicitEvaluations() {
        return implicitEvaluations;
    }
}
