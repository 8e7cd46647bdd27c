package hyp.runtime.hyper;

/**
 * Griewank–Walther binomial checkpointing ("revolve") for a budget of s stored states (s_0 included):
 * the fewest forward steps that can reverse T steps with s snapshots.
 *
 * <p>With β(s, r) = C(s + r, s) and r the smallest integer with β(s, r) ≥ T, the optimum is
 * r·T − β(s + 1, r − 1) forward steps, each step being run at most r times. Our count is one higher: the
 * theory fuses the last forward step with its adjoint, while {@link Dynamics} runs it separately to
 * evaluate L_te(s_T).
 *
 * <p>Split rule: for a segment of l steps with c checkpoints (its start included) and repetition number r,
 * a first checkpoint m is optimal when the left part [0, m) needs at most r − 1 repetitions with c
 * checkpoints and the right part [m, l) at most r with c − 1, i.e.
 * β(c, r−2) ≤ m ≤ β(c, r−1) and β(c−1, r−1) ≤ l − m ≤ β(c−1, r); we take the smallest such m.
 * Summing the two parts' optima plus the m advancing steps gives the closed form, by Pascal's rule.
 */
public final class BinomialCheckpointing implements HypergradientStrategy {
    /** Saturation value for binomials: far above any step count an int can hold. */
    private static final long HUGE = 1L << 50;

    private final int snapshots;

    /** @param snapshots stored-state budget s ≥ 1, counting s_0 */
    public BinomialCheckpointing(int snapshots) {
        if (snapshots < 1) throw new IllegalArgumentException("snapshot budget must be >= 1, got " + snapshots);
        this.snapshots = snapshots;
    }

    public int snapshots() {
        return snapshots;
    }

    @Override
    public Hypergradient compute(Dynamics d, int steps, double[] hyper, double[] finalState) {
        return CheckpointedSweep.run(d, steps, hyper, finalState, snapshots,
                (start, end, free) -> start + firstCheckpoint(end - start, free + 1), "BinomialCheckpointing");
    }

    /** Offset of the first checkpoint for {@code length} ≥ 2 steps and {@code c} ≥ 1 checkpoints. */
    static int firstCheckpoint(int length, int c) {
        if (c == 1) return length - 1;
        int r = repetitions(length, c);
        long m = Math.max(beta(c, r - 2), length - beta(c - 1, r));
        return (int) Math.max(1, Math.min(length - 1, m));
    }

    /** Smallest r with β(c, r) ≥ length. */
    static int repetitions(int length, int c) {
        int r = 0;
        while (beta(c, r) < length) r++;
        return r;
    }

    /** β(s, r) = C(s + r, s), 0 for r &lt; 0, saturated at a value far above any int. */
    static long beta(int s, int r) {
        if (r < 0 || s < 0) return 0;
        int k = Math.min(s, r);
        int n = s + r;
        long c = 1;
        for (int i = 1; i <= k; i++) {
            long f = n - k + i;
            // c = C(n−k+i−1, i−1) ≥ 2^(i−1) and c < HUGE, so i ≤ 51: if c·f overflows, c·f/i is above HUGE.
            if (c > Long.MAX_VALUE / f) return HUGE;
            c = c * f / i;             // exact: the running value is C(n − k + i, i)
            if (c >= HUGE) return HUGE;
        }
        return c;
    }
}
