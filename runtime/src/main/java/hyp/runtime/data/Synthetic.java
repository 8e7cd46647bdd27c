package hyp.runtime.data;

import hyp.runtime.Tensor;

/**
 * Seeded synthetic data sets for the examples. The same arguments give the same numbers on every JDK
 * and platform (see {@link SeededRandom}); different seeds give independent draws.
 */
public final class Synthetic {
    /** The norm of the planted weights in {@link #logreg}: the clean logit x·w* is distributed N(0, 4²). */
    public static final double SIGNAL_NORM = 4.0;
    /** Noise of {@link #kernelLogreg}: standard deviation of the Gaussian jitter on each coordinate. */
    public static final double KERNEL_NOISE = 0.2;
    /** Inner circle radius of {@link #kernelLogreg}; the outer circle has radius 1. */
    public static final double KERNEL_INNER_RADIUS = 0.5;

    private static final long WEIGHT_STREAM = 1;
    private static final long ROW_STREAM = 2;
    private static final long CIRCLE_STREAM = 3;
    private static final long MOON_STREAM = 4;

    private Synthetic() {}

    /**
     * Sparse logistic regression, where per-feature regularisation pays off.
     *
     * <p>Generative model: {@code informative} of the {@code d} features, picked at random, get weights
     * ±(1 + U[0,1)) with random signs, rescaled so that ‖w*‖ = {@link #SIGNAL_NORM}; all others get
     * weight 0. Each row is x ~ N(0, I_d) and its label y = +1 if x·w* + noise·L ≥ 0 else −1, with L
     * standard logistic; for noise &gt; 0 this is exactly the logistic model
     * P(y = +1 | x) = σ(x·w* / noise), and noise = 0 gives y = sign(x·w*). The weights depend only on
     * (d, informative, seed) and row i only on (i, d, w*, noise, seed), so a larger n extends a smaller
     * one.
     *
     * @throws IllegalArgumentException unless n ≥ 1, d ≥ 1, 0 ≤ informative ≤ d, noise finite and ≥ 0
     */
    public static SyntheticLogreg logreg(int n, int d, int informative, double noise, long seed) {
        if (n < 1 || d < 1 || informative < 0 || informative > d) {
            throw new IllegalArgumentException("Synthetic.logreg: need n >= 1, d >= 1 and 0 <= informative <= d, got n="
                    + n + ", d=" + d + ", informative=" + informative);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Synthetic.logreg: noise must be finite and >= 0, got " + noise);
        }
        long cells = (long) n * d;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Synthetic.logreg: " + n + " x " + d + " is too large for one tensor");
        }
        double[] w = plantedWeights(d, informative, new SeededRandom(seed, WEIGHT_STREAM));
        SeededRandom rng = new SeededRandom(seed, ROW_STREAM);
        double[] x = new double[(int) cells];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = 0;
            for (int j = 0; j < d; j++) {
                double v = rng.gaussian();
                x[i * d + j] = v;
                logit += v * w[j];
            }
            y[i] = logit + noise * rng.logistic() >= 0 ? 1.0 : -1.0;
        }
        Dataset data = new Dataset(new Tensor(x, n, d), new Tensor(y, n));
        return new SyntheticLogreg(data, new Tensor(w, d), noise);
    }

    private static double[] plantedWeights(int d, int informative, SeededRandom rng) {
        int[] features = new int[d];
        for (int j = 0; j < d; j++) {
            features[j] = j;
        }
        double[] w = new double[d];
        double squares = 0;
        for (int k = 0; k < informative; k++) {
            int pick = k + rng.below(d - k); // partial Fisher–Yates: the first k slots are the chosen ones
            int f = features[pick];
            features[pick] = features[k];
            features[k] = f;
            double magnitude = 1.0 + rng.uniform();
            w[f] = (rng.nextLong() < 0 ? -1.0 : 1.0) * magnitude;
            squares += magnitude * magnitude;
        }
        if (informative > 0) {
            double scale = SIGNAL_NORM / StrictMath.sqrt(squares);
            for (int j = 0; j < d; j++) {
                w[j] *= scale;
            }
        }
        return w;
    }

    /**
     * The kernel logistic regression set of the examples: {@link #circles} with noise
     * {@link #KERNEL_NOISE} and inner radius {@link #KERNEL_INNER_RADIUS}. Labels are in {0, 1}
     * (1 = inner circle), matching the Bernoulli log-likelihood −yᵀKa + 1ᵀlog(1 + exp(Ka + b)).
     */
    public static Dataset kernelLogreg(int n, long seed) {
        return circles(n, KERNEL_NOISE, KERNEL_INNER_RADIUS, seed);
    }

    /**
     * Two concentric circles in the plane, not separable by any line. Each point gets label 1 or 0 with
     * probability ½ each, an angle uniform on [0, 2π), radius {@code innerRadius} (label 1) or 1 (label
     * 0), and independent N(0, noise²) jitter on both coordinates. Returns x (n × 2) and y in {0, 1}.
     */
    public static Dataset circles(int n, double noise, double innerRadius, long seed) {
        checkPlanar(n, noise, "circles");
        if (!(innerRadius > 0 && innerRadius < 1)) {
            throw new IllegalArgumentException("Synthetic.circles: inner radius must be in (0, 1), got " + innerRadius);
        }
        SeededRandom rng = new SeededRandom(seed, CIRCLE_STREAM);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean inner = rng.uniform() < 0.5;
            double r = inner ? innerRadius : 1.0;
            double angle = 2 * StrictMath.PI * rng.uniform();
            x[2 * i] = r * StrictMath.cos(angle) + noise * rng.gaussian();
            x[2 * i + 1] = r * StrictMath.sin(angle) + noise * rng.gaussian();
            y[i] = inner ? 1.0 : 0.0;
        }
        return new Dataset(new Tensor(x, n, 2), new Tensor(y, n));
    }

    /**
     * Two interleaved half circles ("two moons"). Label 0: (cos t, sin t); label 1: (1 − cos t,
     * ½ − sin t); t uniform on [0, π), labels 0 or 1 with probability ½ each, plus N(0, noise²) jitter on
     * both coordinates. Returns x (n × 2) and y in {0, 1}.
     */
    public static Dataset twoMoons(int n, double noise, long seed) {
        checkPlanar(n, noise, "twoMoons");
        SeededRandom rng = new SeededRandom(seed, MOON_STREAM);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean second = rng.uniform() < 0.5;
            double t = StrictMath.PI * rng.uniform();
            double cx = second ? 1 - StrictMath.cos(t) : StrictMath.cos(t);
            double cy = second ? 0.5 - StrictMath.sin(t) : StrictMath.sin(t);
            x[2 * i] = cx + noise * rng.gaussian();
            x[2 * i + 1] = cy + noise * rng.gaussian();
            y[i] = second ? 1.0 : 0.0;
        }
        return new Dataset(new Tensor(x, n, 2), new Tensor(y, n));
    }

    private static void checkPlanar(int n, double noise, String what) {
        if (n < 1 || n > (Integer.MAX_VALUE - 8) / 2) {
            throw new IllegalArgumentException("Synthetic." + what + ": n must be between 1 and "
                    + (Integer.MAX_VALUE - 8) / 2 + ", got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Synthetic." + what + ": noise must be finite and >= 0, got " + noise);
        }
    }
}
