package hyp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Timing for the peer benchmarks, by the scheme the PyTorch side ({@code bench/peer/torch_hypergrad.py}) copies:
 * runs for at least {@code warmupSeconds} (and at least two runs) to let the JIT compile, then measures runs until
 * both {@code measureSeconds} of wall time have passed and {@code minReps} runs were made. Each run is timed on the
 * wall clock and in process CPU time (all threads: the JIT and the garbage collector count), which other load on
 * the machine inflates much less than wall time.
 */
final class Timing {
    private Timing() {}

    /** The seconds each measured run took, on the wall clock and in process CPU time. */
    record Runs(double[] wall, double[] cpu) {}

    static Runs measure(Runnable run, double warmupSeconds, double measureSeconds, int minReps) {
        long start = System.nanoTime();
        for (int k = 0; k < 2 || System.nanoTime() - start < warmupSeconds * 1e9; k++) run.run();
        double[] wall = new double[Math.max(minReps, 1)], cpu = new double[wall.length];
        int count = 0;
        double total = 0;
        while (count < minReps || total < measureSeconds) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            run.run();
            long t1 = System.nanoTime(), c1 = cpuNanos();
            if (count == wall.length) {
                wall = Arrays.copyOf(wall, 2 * count);
                cpu = Arrays.copyOf(cpu, 2 * count);
            }
            wall[count] = (t1 - t0) * 1e-9;
            cpu[count++] = (c1 - c0) * 1e-9;
            total += (t1 - t0) * 1e-9;
        }
        return new Runs(Arrays.copyOf(wall, count), Arrays.copyOf(cpu, count));
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(double[] times) {
        double[] s = times.clone();
        Arrays.sort(s);
        int k = s.length / 2;
        return s.length % 2 == 1 ? s[k] : 0.5 * (s[k - 1] + s[k]);
    }

    private static final Path TASKS = Path.of("/proc/self/task");

    /**
     * CPU nanoseconds of all the process's threads. On Linux from each thread's {@code schedstat} (nanoseconds, as
     * the CLOCK_PROCESS_CPUTIME_ID clock that Python's {@code time.process_time} reads), since the JVM's own process
     * CPU time counts in 10 ms clock ticks there; elsewhere from the JVM.
     */
    private static long cpuNanos() {
        if (Files.isDirectory(TASKS)) {
            long sum = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path task : tasks) {
                    try {
                        String stat = Files.readString(task.resolve("schedstat"));
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    } catch (NoSuchFileException ended) {
                        // a thread that ended while we listed them
                    }
                }
                return sum;
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + TASKS, e);
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }
}
