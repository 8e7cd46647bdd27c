package hyp.runtime.data;

/**
 * SplitMix64 with its own uniform, Gaussian and logistic draws, written out here (with
 * {@link StrictMath}) so that a seed gives the same synthetic data on every JDK and platform; the
 * library generators do not promise that for their derived draws.
 */
final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** An independent stream for {@code (seed, stream)}: different streams never share a state sequence start. */
    SeededRandom(long seed, long stream) {
        this.state = mix(seed ^ mix(stream * GOLDEN_GAMMA + 1));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on the open interval (0, 1). */
    double openUniform() {
        return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound) by multiply-shift; the bias is below bound / 2^32. */
    int below(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A Fisher–Yates shuffle of 0 … n−1: for i from n−1 down to 1, swap i with {@link #below}(i + 1). */
    int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = below(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Standard normal by Box–Muller (one of the pair is used; simplicity over speed). */
    double gaussian() {
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(openUniform()));
        return r * StrictMath.cos(2.0 * StrictMath.PI * uniform());
    }

    /** Standard logistic: P(L ≤ t) = 1 / (1 + exp(-t)). */
    double logistic() {
        double u = openUniform();
        return StrictMath.log(u / (1.0 - u));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
