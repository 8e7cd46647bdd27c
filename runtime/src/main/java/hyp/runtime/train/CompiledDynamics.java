package hyp.runtime.train;

import hyp.runtime.hyper.Dynamics;
import hyp.runtime.hyper.NonFiniteValueException;
import java.util.Arrays;

/**
 * A {@link Dynamics} driven by generated code: a train statement's init and step, their adjoints, and the
 * validation loss with its gradient. State and hyperparameters are flattened by {@link Layout}s; step numbers
 * start at 1 for the first step.
 *
 * <p>Every state written, every adjoint scattered and the validation loss are checked for NaN and infinities in
 * the pass that copies them, so a run that diverges stops with a {@link NonFiniteValueException} at the first
 * step where a non-finite value appeared, naming the state variable and entry by their .hyp names.
 */
public final class CompiledDynamics implements Dynamics {
    private final Layout state;
    private final Layout hyper;
    private final GeneratedCall init, initAdjoint, step, stepAdjoint, outer, outerAdjoint;
    private final Object[] ones;

    public CompiledDynamics(Layout state, Layout hyper, GeneratedCall init, GeneratedCall initAdjoint,
                            GeneratedCall step, GeneratedCall stepAdjoint, GeneratedCall outer, GeneratedCall outerAdjoint) {
        this.state = state;
        this.hyper = hyper;
        this.init = init;
        this.initAdjoint = initAdjoint;
        this.step = step;
        this.stepAdjoint = stepAdjoint;
        this.outer = outer;
        this.outerAdjoint = outerAdjoint;
        this.ones = new Object[] {1.0};
    }

    public Layout stateLayout() {
        return state;
    }

    public Layout hyperLayout() {
        return hyper;
    }

    @Override
    public int stateSize() {
        return state.size();
    }

    @Override
    public int hyperSize() {
        return hyper.size();
    }

    @Override
    public void init(double[] h, double[] state0) {
        Object[] r = init.call(init.arguments.build(state, null, hyper, h, 0, null));
        boolean finite = true;
        for (int k = 0; k < state.count(); k++) finite &= state.putFinite(state0, k, r[k]);
        if (!finite) throw nonFinite("state", state, state0, "after init", 0, FiniteStates.INIT_HINT);
    }

    @Override
    public void step(int t, double[] s, double[] h, double[] next) {
        Object[] r = step.call(step.arguments.build(state, s, hyper, h, t + 1, null));
        boolean finite = true;
        for (int k = 0; k < state.count(); k++) finite &= state.putFinite(next, k, r[k]);
        if (!finite) {
            throw nonFinite("state", state, next, "after step " + (t + 1), t + 1, FiniteStates.STEP_HINT);
        }
    }

    /**
     * The error for the first non-finite entry of {@code flat}, named by the layout: {@code state 'w' after step
     * 3 is not finite: w[2] = NaN}.
     */
    private static NonFiniteValueException nonFinite(String kind, Layout layout, double[] flat, String when, int step,
                                                     String hint) {
        int i = Layout.firstNonFinite(flat);
        String entry = layout.entryName(i);
        int bracket = entry.indexOf('[');
        String variable = bracket < 0 ? entry : entry.substring(0, bracket);
        return new NonFiniteValueException(kind + " '" + variable + "'", when, step, entry, flat[i], hint);
    }

    /** Whether the optimizer's until rule holds after the step from s (false when it has none). */
    public boolean stops(int t, double[] s, double[] h) {
        Object[] r = step.call(step.arguments.build(state, s, hyper, h, t + 1, null));
        return (Boolean) r[state.count()];
    }

    @Override
    public void stepAdjoint(int t, double[] s, double[] h, double[] nextBar, double[] stateBar, double[] hyperBar) {
        Object[] seeds = new Object[state.count()];
        for (int k = 0; k < seeds.length; k++) seeds[k] = state.get(nextBar, k);
        Object[] r = stepAdjoint.call(stepAdjoint.arguments.build(state, s, hyper, h, t + 1, seeds));
        Arrays.fill(stateBar, 0.0);
        if (!stepAdjoint.scatter(r, state, stateBar, hyper, hyperBar)) {
            String when = "in the reverse sweep at step " + (t + 1);
            if (Layout.firstNonFinite(stateBar) >= 0) {
                throw nonFinite("the adjoint of state", state, stateBar, when, t + 1, null);
            }
            throw nonFinite("the hypergradient of", hyper, hyperBar, when, t + 1, null);
        }
    }

    @Override
    public void initAdjoint(double[] h, double[] state0Bar, double[] hyperBar) {
        Object[] seeds = new Object[state.count()];
        for (int k = 0; k < seeds.length; k++) seeds[k] = state.get(state0Bar, k);
        Object[] r = initAdjoint.call(initAdjoint.arguments.build(state, null, hyper, h, 0, seeds));
        if (!initAdjoint.scatter(r, state, new double[state.size()], hyper, hyperBar)) {
            throw nonFinite("the hypergradient of", hyper, hyperBar, "through init", 0, null);
        }
    }

    @Override
    public double outerLoss(double[] s, double[] h) {
        double loss = (Double) outer.call(outer.arguments.build(state, s, hyper, h, 0, null))[0];
        if (!Double.isFinite(loss)) {
            throw new NonFiniteValueException("the validation loss", "at the trained state", -1, "L_te", loss,
                    "every state entry is finite; the validation loss itself overflows or meets an invalid operation");
        }
        return loss;
    }

    @Override
    public void outerLossGradient(double[] s, double[] h, double[] stateBar, double[] hyperBar) {
        Object[] r = outerAdjoint.call(outerAdjoint.arguments.build(state, s, hyper, h, 0, ones));
        Arrays.fill(stateBar, 0.0);
        if (!outerAdjoint.scatter(r, state, stateBar, hyper, hyperBar)) {
            if (Layout.firstNonFinite(stateBar) >= 0) {
                throw nonFinite("the gradient of the validation loss for state", state, stateBar, "at the trained state",
                        -1, null);
            }
            throw nonFinite("the hypergradient of", hyper, hyperBar, "from the validation loss", -1, null);
        }
    }
}
