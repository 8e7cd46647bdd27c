package hyp.runtime.data;

/**
 * Seeded random starting values for params and hypers ({@code = randn(scale)} in a .hyp file): independent normal
 * entries with standard deviation {@code scale}. The draws are written out in {@link SeededRandom}, so a seed gives
 * the same values on every JDK and platform.
 */
public final class RandomInit {
    private RandomInit() {}

    /** {@code count} entries scale·N(0, 1) from the stream of {@code seed}. */
    public static double[] normal(int count, double scale, long seed) {
        SeededRandom random = new SeededRandom(seed, 0);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = scale * random.gaussian();
        return out;
    }
}
