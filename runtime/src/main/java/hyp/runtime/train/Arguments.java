package hyp.runtime.train;

import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import java.util.List;

/**
 * Where each parameter of a generated function takes its value from: a state entry, a hyperparameter entry,
 * the step number, a fixed value (data, untuned inputs), or a cotangent seed.
 */
public record Arguments(List<Source> sources) {
    public sealed interface Source {}

    public record State(int k) implements Source {}

    public record Hyper(int k) implements Source {}

    public record Step() implements Source {}

    public record Fixed(Object value) implements Source {}

    /**
     * A data tensor cut into minibatches: step number t (1 for the first step) reads batch t − 1 of
     * {@code batches}; init (step number 0) reads the first batch, the one step 1 reads.
     */
    public record Batched(Tensor value, Minibatches batches) implements Source {
        public Tensor at(int step) {
            return batches.take(value, Math.max(step, 1) - 1);
        }
    }

    /** The cotangent of the function's result k (in the order of its differentiable results). */
    public record Seed(int k) implements Source {}

    /** The argument array for one call. */
    Object[] build(Layout stateLayout, double[] state, Layout hyperLayout, double[] hyper, int step, Object[] seeds) {
        Object[] out = new Object[sources.size()];
        for (int i = 0; i < out.length; i++) {
            Source s = sources.get(i);
            if (s instanceof State st) out[i] = stateLayout.get(state, st.k());
            else if (s instanceof Hyper h) out[i] = hyperLayout.get(hyper, h.k());
            else if (s instanceof Step) out[i] = step;
            else if (s instanceof Fixed f) out[i] = f.value();
            else if (s instanceof Batched b) out[i] = b.at(step);
            else out[i] = seeds[((Seed) s).k()];
        }
        return out;
    }
}
