package hyp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The memory-bandwidth limit of the peer benchmark: how fast one thread (or several, each over its own share)
 * can stream-read a double[] of a given size, the read-only pass a matrix-vector product makes over X. Sizes that
 * fit the last-level cache measure cache bandwidth when the array is read again and again; larger ones measure
 * DRAM. Each size is read repeatedly for about {@code --seconds}; the fastest pass (the limit) and the median are
 * reported.
 *
 * <pre>
 * Bandwidth [--seconds S] [--threads K] BYTES...     one JSON object per line: bytes, threads, GB/s (fastest, median)
 * </pre>
 */
public final class Bandwidth {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Bandwidth() {}

    public static void main(String[] args) throws InterruptedException {
        double seconds = 1.0;
        int threads = 1;
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> sizes.add(Long.parseLong(args[i]));
            }
        }
        for (long bytes : sizes) {
            double[] gbps = measure(bytes, threads, seconds);
            System.out.printf(Locale.ROOT, "{\"bytes\": %d, \"threads\": %d, \"gb_per_second\": %.3f, "
                    + "\"median_gb_per_second\": %.3f}%n", bytes, threads, gbps[0], gbps[1]);
        }
    }

    /**
     * The fastest and the median GB/s (10^9 bytes per second) of read passes over {@code bytes} split among
     * {@code threads}. The fastest is the limit: other processes on the machine only ever slow a pass down.
     */
    static double[] measure(long bytes, int threads, double seconds) throws InterruptedException {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, bytes / 8);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = i * 1e-9;
        List<Double> passes = new ArrayList<>();
        double[] sink = new double[threads];
        // each timing reads at least 64 MB, so that small sizes are not timer and thread start-up noise
        int reps = (int) Math.max(1, (64L << 20) / Math.max(bytes, 1));
        long start = System.nanoTime();
        int k = 0;
        while (k < 5 || System.nanoTime() - start < seconds * 1e9) {
            long t0 = System.nanoTime();
            if (threads == 1) {
                for (int r = 0; r < reps; r++) sink[0] += sum(a, 0, n);
            } else {
                Thread[] ts = new Thread[threads];
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads), id = t;
                    ts[t] = new Thread(() -> {
                        for (int r = 0; r < reps; r++) sink[id] += sum(a, from, to);
                    });
                    ts[t].start();
                }
                for (Thread t : ts) t.join();
            }
            long t1 = System.nanoTime();
            if (k++ >= 2) passes.add((t1 - t0) * 1e-9 / reps); // the first timings warm up the JIT and the caches
        }
        if (sink[0] == 42) System.out.print(""); // keeps the sums alive
        double[] sorted = passes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {8.0 * n / sorted[0] / 1e9, 8.0 * n / sorted[sorted.length / 2] / 1e9};
    }

    /** The sum of a[from, to) with four vector accumulators: one read of every element, no writes. */
    static double sum(double[] a, int from, int to) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int i = from;
        for (; i <= to - 4 * L; i += 4 * L) {
            c0 = c0.add(DoubleVector.fromArray(S, a, i));
            c1 = c1.add(DoubleVector.fromArray(S, a, i + L));
            c2 = c2.add(DoubleVector.fromArray(S, a, i + 2 * L));
            c3 = c3.add(DoubleVector.fromArray(S, a, i + 3 * L));
        }
        double s = c0.add(c1).add(c2).add(c3).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        for (; i < to; i++) s += a[i];
        return s;
    }
}
