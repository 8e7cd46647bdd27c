package hyp.runtime.train;

import hyp.runtime.hyper.Dynamics;
import java.util.Arrays;

/**
 * A {@link Dynamics} driven by generated code: a train statement's init and step, their adjoints, and the
 * validation loss with its gradient. State and hyperparameters are flattened by {@link Layout}s; step numbers
 * start at 1 for the first step.
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
        for (int k = 0; k < state.count(); k++) state.put(state0, k, r[k]);
    }

    @Override
    public void step(int t, double[] s, double[] h, double[] next) {
        Object[] r = step.call(step.arguments.build(state, s, hyper, h, t + 1, null));
        for (int k = 0; k < state.count(); k++) state.put(next, k, r[k]);
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
        stepAdjoint.scatter(r, state, stateBar, hyper, hyperBar);
    }

    @Override
    public void initAdjoint(double[] h, double[] state0Bar, double[] hyperBar) {
        Object[] seeds = new Object[state.count()];
        for (int k = 0; k < seeds.length; k++) seeds[k] = state.get(state0Bar, k);
        Object[] r = initAdjoint.call(initAdjoint.arguments.build(state, null, hyper, h, 0, seeds));
        initAdjoint.scatter(r, state, new double[state.size()], hyper, hyperBar);
    }

    @Override
    public double outerLoss(double[] s, double[] h) {
        return (Double) outer.call(outer.arguments.build(state, s, hyper, h, 0, null))[0];
    }

    @Override
    public void outerLossGradient(double[] s, double[] h, double[] stateBar, double[] hyperBar) {
        Object[] r = outerAdjoint.call(outerAdjoint.arguments.build(state, s, hyper, h, 0, ones));
        Arrays.fill(stateBar, 0.0);
        outerAdjoint.scatter(r, state, stateBar, hyper, hyperBar);
    }
}
