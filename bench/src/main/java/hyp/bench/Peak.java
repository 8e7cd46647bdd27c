package hyp.bench;

import hyp.runtime.kernels.MatMul;
import hyp.runtime.kernels.Parallel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's double-precision peak on one thread, measured two ways, for the GFLOP/s the LeNet and matmul
 * figures are read against: (1) fused multiply-adds on 16 independent vector accumulators that never leave the
 * registers (the arithmetic limit: lanes × 2 flops × FMA issue rate × clock, with whatever clock the machine
 * runs), and (2) hyp's own packed matrix product C = A·B at n × n × n (what a large, cache-blocked product
 * reaches). Each is repeated for about ten seconds; the best repetition's thread-CPU rate is printed, one line each.
 * Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar hyp.bench.Peak [n]} (default 1024).
 */
public final class Peak {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * How long each is repeated (nanoseconds): long enough for the JIT to compile it even on a loaded machine,
     * where the compiler threads get little time and the Vector API runs its slow fallback until they do.
     */
    private static final long RUN_NANOS = 10_000_000_000L;

    private Peak() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        Parallel.setThreads(1);
        System.out.printf(Locale.ROOT, "vector lanes (doubles): %d%n", S.length());
        System.out.printf(Locale.ROOT, "fma peak, registers only: %.1f GFLOP/s%n", fmaPeak());
        System.out.printf(Locale.ROOT, "matmul %d^3 (hyp): %.1f GFLOP/s%n", n, matmul(n));
    }

    /** GFLOP/s of 16 independent FMA chains, enough to cover the FMA latency of two pipes. */
    static double fmaPeak() {
        // short calls, many of them: C2 compiles the method itself (one long call would stay interpreted, where
        // the Vector API runs its slow fallback)
        int reps = 10_000;
        int calls = 200;
        double best = 0;
        double sink = 0;
        long end = System.nanoTime() + RUN_NANOS;
        while (System.nanoTime() < end) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) sink += chains(reps);
            long cpu = THREADS.getCurrentThreadCpuTime() - c0;
            best = Math.max(best, 16.0 * 2 * S.length() * reps * calls / cpu);
        }
        if (sink == 42) System.out.println(); // keeps the work alive
        return best;
    }

    private static double chains(int reps) {
        DoubleVector m = DoubleVector.broadcast(S, 0.999999);
        DoubleVector k = DoubleVector.broadcast(S, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(S, 1.0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0,
                a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        for (int i = 0; i < reps; i++) {
            a0 = a0.fma(m, k);
            a1 = a1.fma(m, k);
            a2 = a2.fma(m, k);
            a3 = a3.fma(m, k);
            a4 = a4.fma(m, k);
            a5 = a5.fma(m, k);
            a6 = a6.fma(m, k);
            a7 = a7.fma(m, k);
            a8 = a8.fma(m, k);
            a9 = a9.fma(m, k);
            a10 = a10.fma(m, k);
            a11 = a11.fma(m, k);
            a12 = a12.fma(m, k);
            a13 = a13.fma(m, k);
            a14 = a14.fma(m, k);
            a15 = a15.fma(m, k);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .add(a12).add(a13).add(a14).add(a15).lane(0);
    }

    /** Best GFLOP/s of C = A·B at n³. */
    static double matmul(int n) {
        Random random = new Random(1);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble();
            b[i] = random.nextDouble();
        }
        double best = 0;
        long end = System.nanoTime() + RUN_NANOS;
        while (System.nanoTime() < end) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            MatMul.multiply(a, b, c, n, n, n);
            best = Math.max(best, 2.0 * n * n * n / (THREADS.getCurrentThreadCpuTime() - c0));
        }
        return best;
    }
}
