package hyp.runtime.hyper;

/**
 * The seed's binary-tree inversion: checkpoints sit at the nodes of a bisection tree over [0, T], and
 * only those on the path from the root to the step being reversed are held. Each segment [a, end) is split
 * at its midpoint, so at most ⌈log2 T⌉ + 1 states are stored (including s_0) and each step is recomputed
 * at most once per tree level: fewer than T·⌈log2 T⌉ forward steps in all. Same numbers as
 * {@link StoreAll}, bit for bit, when the dynamics are deterministic.
 */
public final class TreeCheckpointing implements HypergradientStrategy {
    @Override
    public Hypergradient compute(Dynamics d, int steps, double[] hyper, double[] finalState) {
        return CheckpointedSweep.run(d, steps, hyper, finalState, maxStoredStates(steps),
                (start, end, free) -> start + (end - start) / 2, "TreeCheckpointing");
    }

    /** The bound ⌈log2 T⌉ + 1 on stored states for T steps (1 for T ≤ 1). */
    public static int maxStoredStates(int steps) {
        return steps <= 1 ? 1 : ceilLog2(steps) + 1;
    }

    /** ⌈log2 n⌉ for n ≥ 1. */
    static int ceilLog2(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
