package hyp.runtime.train;

import hyp.runtime.Tensor;
import hyp.runtime.hyper.NonFiniteValueException;
import java.util.List;

/**
 * The check a step-by-step run (as {@code hyp train} makes) applies to the optimizer's state after each step:
 * the first NaN or infinity stops it, named by the state variable, the step and the entry.
 */
public final class FiniteStates {
    static final String INIT_HINT = "the initial values or λ";
    static final String STEP_HINT = "the optimizer diverged: try a smaller step size or fewer steps";

    private FiniteStates() {}

    /**
     * @param names the state variables' .hyp names, in the order of {@code state}
     * @param state reals (Double) and tensors, as the generated step returns them
     * @param step the step just taken (0 for init)
     * @throws NonFiniteValueException naming the first non-finite entry
     */
    public static void require(List<String> names, Object[] state, int step) {
        for (int k = 0; k < names.size(); k++) {
            Object v = state[k];
            if (v instanceof Double d) {
                if (!Double.isFinite(d)) throw error(names.get(k), names.get(k), d, step);
            } else if (v instanceof Tensor t) {
                int i = Layout.firstNonFinite(t.data);
                if (i >= 0) {
                    Layout one = new Layout(List.of(names.get(k)), List.of(t.shape));
                    throw error(names.get(k), one.entryName(i), t.data[i], step);
                }
            }
        }
    }

    private static NonFiniteValueException error(String name, String entry, double value, int step) {
        return new NonFiniteValueException("state '" + name + "'", step == 0 ? "after init" : "after step " + step,
                step, entry, value, step == 0 ? INIT_HINT : STEP_HINT);
    }
}
