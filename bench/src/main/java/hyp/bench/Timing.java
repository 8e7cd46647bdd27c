package hyp.bench;

import java.util.Arrays;

/**
 * Wall-clock timing for the peer benchmarks, by the scheme the PyTorch side ({@code bench/peer/torch_hypergrad.py})
 * copies: runs for at least {@code warmupSeconds} (and at least two runs) to let the JIT compile, then measures
 * runs until both {@code measureSeconds} have passed and {@code minReps} runs were made.
 */
final class Timing {
    private Timing() {}

    /** The seconds each measured run took. */
    static double[] measure(Runnable run, double warmupSeconds, double measureSeconds, int minReps) {
        long start = System.nanoTime();
        for (int k = 0; k < 2 || System.nanoTime() - start < warmupSeconds * 1e9; k++) run.run();
        double[] times = new double[Math.max(minReps, 1)];
        int count = 0;
        double total = 0;
        while (count < minReps || total < measureSeconds) {
            long t0 = System.nanoTime();
            run.run();
            double s = (System.nanoTime() - t0) * 1e-9;
            if (count == times.length) times = Arrays.copyOf(times, 2 * count);
            times[count++] = s;
            total += s;
        }
        return Arrays.copyOf(times, count);
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(double[] times) {
        double[] s = times.clone();
        Arrays.sort(s);
        int k = s.length / 2;
        return s.length % 2 == 1 ? s[k] : 0.5 * (s[k - 1] + s[k]);
    }
}
