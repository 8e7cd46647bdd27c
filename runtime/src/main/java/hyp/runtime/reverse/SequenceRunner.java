package hyp.runtime.reverse;

import hyp.runtime.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * What the float and exact steps share: the walk over the groups (forwards in step order, backwards in
 * reverse), the until rule and the double view of the state that the increment functions read.
 */
abstract sealed class SequenceRunner implements ReversibleStep permits FloatReversibleStep, ExactReversibleStep {
    final UpdateSequence seq;
    /** The current state as doubles in the dynamics' layout; increment functions read it. */
    final double[] view;
    double[] hyper;
    private int t;
    /** Steps of the run before s_0 (a warm start): the step counter the increments see is first + t + 1. */
    private int first;
    private int stoppedAt = -1;

    SequenceRunner(UpdateSequence seq) {
        this.seq = seq;
        this.view = new double[seq.state().size()];
    }

    @Override
    public UpdateSequence sequence() {
        return seq;
    }

    @Override
    public void start(double[] state0, double[] h, int firstStep) {
        if (state0.length != view.length) {
            throw new IllegalArgumentException("start state has " + state0.length + " entries, the layout " + view.length);
        }
        if (seq.stops() && state0[seq.stopSlot()] != 0.0) {
            throw new IllegalArgumentException("start state has its until flag set");
        }
        hyper = h.clone();
        t = 0;
        first = firstStep;
        stoppedAt = -1;
        Arrays.fill(view, 0.0);
        load(state0);
    }

    /** Takes s_0 into the implementation's own representation and the view. */
    abstract void load(double[] state0);

    @Override
    public final void forward() {
        if (hyper == null) throw new IllegalStateException("start() first");
        if (stoppedAt >= 0) {   // frozen: the until rule held at an earlier step
            t++;
            return;
        }
        boolean stop = false;
        List<UpdateGroup> groups = seq.groups();
        for (int g = 0; g < groups.size(); g++) {
            UpdateGroup group = groups.get(g);
            Object[] r = group.increments().apply(view, hyper, first + t + 1);
            List<Update> updates = group.updates();
            if (group.implicit()) {
                forwardImplicit(g, updates.get(0), r[0], t);
            } else {
                for (int i = 0; i < updates.size(); i++) forwardExplicit(updates.get(i), r[i], t);
            }
            if (group.yieldsStop()) stop = (Boolean) r[updates.size()];
        }
        if (seq.stopRule() != null) stop = (Boolean) seq.stopRule().apply(view, hyper, first + t + 1)[0];
        if (stop) {
            stoppedAt = t;
            view[seq.stopSlot()] = 1.0;
        }
        t++;
    }

    @Override
    public final void inverse() {
        if (t == 0) throw new IllegalStateException("already at s_0: nothing to invert");
        t--;
        if (stoppedAt >= 0 && t > stoppedAt) return;
        if (stoppedAt == t) {
            stoppedAt = -1;
            view[seq.stopSlot()] = 0.0;
        }
        List<UpdateGroup> groups = seq.groups();
        for (int g = groups.size() - 1; g >= 0; g--) {
            UpdateGroup group = groups.get(g);
            List<Update> updates = group.updates();
            if (group.implicit()) {
                inverseImplicit(g, updates.get(0), t);
                continue;
            }
            // The increments read none of the group's targets, so the state after the group gives them.
            Object[] r = group.increments().apply(view, hyper, first + t + 1);
            for (int i = updates.size() - 1; i >= 0; i--) inverseExplicit(updates.get(i), r[i], t);
        }
    }

    @Override
    public int step() {
        return t;
    }

    @Override
    public int stoppedAt() {
        return stoppedAt;
    }

    @Override
    public void view(double[] out) {
        System.arraycopy(view, 0, out, 0, view.length);
    }

    /** x ← γx + sign·f for an update whose f does not read x; {@code t} is the 0-based step. */
    abstract void forwardExplicit(Update u, Object increment, int t);

    /** The inverse of {@link #forwardExplicit} given the same increment. */
    abstract void inverseExplicit(Update u, Object increment, int t);

    /** x ← γx + sign·f(x), the increment given as computed from the state before the update. */
    abstract void forwardImplicit(int group, Update u, Object increment, int t);

    /** Recovers x from x' = γx + sign·f(x): the increment has to be found, as it depends on the unknown x. */
    abstract void inverseImplicit(int group, Update u, int t);

    /** Evaluates the increment of an implicit group at the current view. */
    final Object implicitIncrement(int group) {
        return seq.groups().get(group).increments().apply(view, hyper, first + t + 1)[0];
    }

    /** Component i of an increment: a Tensor of the target's size, or a Double standing for every element. */
    static double component(Object increment, int i) {
        return increment instanceof Double d ? d : ((Tensor) increment).data[i];
    }

    /** Checks an increment's size against its target's (once per update, before any element changes). */
    final void checkSize(Update u, Object increment) {
        int n = seq.state().size(u.target());
        if (increment instanceof Tensor tensor && tensor.data.length != n) {
            throw new IllegalStateException("increment of " + u.name() + " has " + tensor.data.length
                    + " entries, " + u.name() + " has " + n);
        }
        if (!(increment instanceof Tensor) && !(increment instanceof Double)) {
            throw new IllegalStateException("increment of " + u.name() + " is " + increment);
        }
    }
}
