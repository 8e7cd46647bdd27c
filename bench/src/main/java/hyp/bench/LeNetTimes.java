package hyp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The calls of {@link LeNetBench} timed one by one on the wall clock and in the calling thread's CPU time, which
 * other processes on a shared machine disturb less. Prints one line per call, {@code name wall_us cpu_us} (medians
 * over the repetitions, per batch of {@value LeNetBench#BATCH}), which {@code bench/peer/lenet} sets beside
 * PyTorch's. Usage: {@code java -cp benchmarks.jar hyp.bench.LeNetTimes [repetitions [warm-up seconds]]}, from the
 * repository root.
 *
 * <p>All calls are first run in turn for the warm-up time (default 15 s): the JIT compiles the generated code and
 * the vector kernels only after thousands of calls, and until then the Vector API runs its slow Java fallback, so a
 * warm-up counted in calls measured compilation on a slow or loaded machine.
 */
public final class LeNetTimes {
    private LeNetTimes() {}

    private record Call(String name, Supplier<Object> call, int reps) {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double warmSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        LeNetBench bench = new LeNetBench();
        bench.compile();
        List<Call> calls = List.of(
                new Call("batched_forward", bench::batchedForward, reps),
                new Call("batched_gradient", bench::batchedGradient, reps),
                new Call("batched_hvp", bench::batchedHessianVector, reps),
                new Call("looped_gradient", bench::loopedGradient, Math.max(3, reps / 4)),
                new Call("loop_batched_gradient", bench::loopBatchedGradient, reps));
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        do {
            for (Call c : calls) c.call().get();
        } while (System.nanoTime() < warmEnd);
        for (Call c : calls) time(c.name(), c.call(), c.reps());
    }

    private static void time(String name, Supplier<Object> call, int reps) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
