package hyp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The calls of {@link LeNetBench} timed one by one on the wall clock and in the calling thread's CPU time, which
 * other processes on a shared machine disturb less. Prints one line per call, {@code name wall_us cpu_us} (medians
 * over the repetitions, per batch of {@value LeNetBench#BATCH}), which {@code bench/peer/lenet} sets beside
 * PyTorch's. Usage: {@code java -cp benchmarks.jar hyp.bench.LeNetTimes [repetitions]}, from the repository root.
 */
public final class LeNetTimes {
    private LeNetTimes() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LeNetBench bench = new LeNetBench();
        bench.compile();
        time("batched_forward", bench::batchedForward, reps);
        time("batched_gradient", bench::batchedGradient, reps);
        time("batched_hvp", bench::batchedHessianVector, reps);
        time("looped_gradient", bench::loopedGradient, Math.max(3, reps / 4));
        time("loop_batched_gradient", bench::loopBatchedGradient, reps);
    }

    private static void time(String name, Supplier<Object> call, int reps) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(3, reps / 2); i++) call.get(); // warm-up: let the JIT compile the generated code
        double[] wall = new double[reps], cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            call.get();
            wall[i] = (System.nanoTime() - w0) / 1e3;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e3;
        }
        System.out.printf("%s %.1f %.1f%n", name, median(wall), median(cpu));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
