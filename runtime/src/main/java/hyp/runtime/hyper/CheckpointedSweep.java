package hyp.runtime.hyper;

/**
 * Reverse sweep through T steps that keeps only a stack of checkpoints, recomputing the states in between.
 *
 * <p>The segment still to be reversed is [a, end), with s_a the checkpoint on top of the stack and the
 * adjoint of s_end in hand. A {@link SplitRule} picks where to put the next checkpoint m: advance from
 * s_a to s_m and push it, so the right part [m, end) is reversed first; when a step of length one remains
 * its adjoint step is taken and its checkpoint popped, which leaves the left part [a', a) on top.
 * When m = end − 1 nothing is pushed: the state s_{end−1} is used at once (Griewank's "youturn").
 * The very first time the end is reached, one more forward step gives s_T and the outer loss.
 *
 * <p>The loop is iterative; only the checkpoint stack grows, up to the rule's budget.
 */
final class CheckpointedSweep {
    /** Where to place the next checkpoint inside a segment. */
    interface SplitRule {
        /**
         * @param start     index of the checkpoint the segment starts from
         * @param end       index whose adjoint is known (end − start ≥ 2)
         * @param freeSlots checkpoints that may still be pushed
         * @return m with start < m < end; m = end − 1 means "advance and reverse that step without storing"
         */
        int split(int start, int end, int freeSlots);
    }

    private CheckpointedSweep() {}

    static Hypergradient run(Dynamics d, int steps, double[] hyper, double[] finalState, int slots,
                             SplitRule rule, String who) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        if (slots < 1) throw new IllegalArgumentException("need at least one checkpoint slot, got " + slots);
        Vectors.requireLength(hyper, d.hyperSize(), "hyper");
        int n = d.stateSize();
        int[] index = new int[slots];
        double[][] snapshot = new double[slots][];
        snapshot[0] = new double[n];
        d.init(hyper, snapshot[0]);
        int top = 1;
        int peak = 1;
        long forward = 0;
        long adjoint = 0;

        double[] cur = new double[n];
        double[] next = new double[n];
        double[] bar = new double[n];
        double[] barPrev = new double[n];
        double[] hyperBar = new double[d.hyperSize()];
        double value = Double.NaN;
        boolean reversing = false;
        if (steps == 0) {
            value = d.outerLoss(snapshot[0], hyper);
            Vectors.requireFinite(value, "outer loss", who);
            d.outerLossGradient(snapshot[0], hyper, bar, hyperBar);
            if (finalState != null) System.arraycopy(snapshot[0], 0, finalState, 0, n);
            reversing = true;
        }

        int end = steps;
        while (end > 0) {
            int a = index[top - 1];
            double[] here;           // s_{end−1}, the state whose step gets reversed now
            if (end - a == 1) {
                here = snapshot[top - 1];
                if (top > 1) top--;    // checkpoint a is used up; s_a stays readable until the next push
            } else {
                int m = rule.split(a, end, slots - top);
                if (m <= a || m >= end) {
                    throw new IllegalStateException(who + ": split " + m + " outside (" + a + ", " + end + ")");
                }
                System.arraycopy(snapshot[top - 1], 0, cur, 0, n);
                for (int t = a; t < m; t++) {
                    d.step(t, cur, hyper, next);
                    double[] swap = cur;
                    cur = next;
                    next = swap;
                }
                forward += m - a;
                if (m < end - 1) {
                    if (top == slots) throw new IllegalStateException(who + ": no free checkpoint slot at step " + m);
                    if (snapshot[top] == null) snapshot[top] = new double[n];
                    System.arraycopy(cur, 0, snapshot[top], 0, n);
                    index[top++] = m;
                    peak = Math.max(peak, top);
                    continue;
                }
                here = cur;
            }
            int t = end - 1;
            if (!reversing) {        // first arrival at the end: one more step gives s_T and the outer loss
                d.step(t, here, hyper, next);
                forward++;
                Vectors.requireFinite(next, "s_" + steps, who + " forward sweep");
                if (finalState != null) System.arraycopy(next, 0, finalState, 0, n);
                value = d.outerLoss(next, hyper);
                Vectors.requireFinite(value, "outer loss", who);
                d.outerLossGradient(next, hyper, bar, hyperBar);
                reversing = true;
            }
            d.stepAdjoint(t, here, hyper, bar, barPrev, hyperBar);
            adjoint++;
            double[] swap = bar;
            bar = barPrev;
            barPrev = swap;
            end = t;
        }
        d.initAdjoint(hyper, bar, hyperBar);
        Vectors.requireFinite(hyperBar, "hypergradient", who + " reverse sweep");
        return new Hypergradient(value, hyperBar, Memory.ofStates(peak, n), Work.ofSteps(forward, adjoint));
    }
}
