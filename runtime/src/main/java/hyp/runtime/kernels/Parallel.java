package hyp.runtime.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernels' shared thread pool. Work is only ever split by independent output ranges (rows of a
 * product, images of a batch), never inside a reduction, so results are bit-identical whatever the
 * thread count.
 *
 * <p>The thread count comes from the environment variable {@code HYP_THREADS} (default: the number
 * of available processors). The pool's workers are daemon threads, so it never keeps a JVM alive.
 */
public final class Parallel {
    /** Work on the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final int CONFIGURED = readThreads();
    private static volatile int threads = CONFIGURED;
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** The configured number of threads (at least 1). */
    public static int threads() {
        return threads;
    }

    /** Overrides {@code HYP_THREADS} for later calls (e.g. from a command-line flag). */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Parallel.setThreads: need at least 1 thread, got " + n);
        }
        threads = n;
    }

    /**
     * Runs {@code body} over {@code [0, count)} split into chunks whose boundaries are multiples of
     * {@code align} (except the last). Runs inline when {@code parallel} is false, there is one
     * thread, or the range is too small to split.
     */
    public static void forRange(int count, int align, boolean parallel, RangeBody body) {
        int units = (count + align - 1) / align;
        int chunks = Math.min(threads, units);
        if (!parallel || chunks <= 1) {
            body.run(0, count);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = Math.min(count, (int) ((long) units * c / chunks) * align);
            int to = Math.min(count, (int) ((long) units * (c + 1) / chunks) * align);
            if (from < to) {
                tasks.add(ForkJoinTask.adapt(() -> body.run(from, to)));
            }
        }
        ForkJoinPool p = pool();
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == p) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            for (ForkJoinTask<?> t : tasks) {
                p.execute(t);
            }
            for (ForkJoinTask<?> t : tasks) {
                t.join();
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(Math.max(CONFIGURED, threads));
                    pool = p;
                }
            }
        }
        return p;
    }

    private static int readThreads() {
        String env = System.getenv("HYP_THREADS");
        int fallback = Runtime.getRuntime().availableProcessors();
        if (env == null || env.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(env.trim());
            if (n < 1) {
                throw new IllegalArgumentException("HYP_THREADS must be a positive integer, got '" + env + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HYP_THREADS must be a positive integer, got '" + env + "'", e);
        }
    }
}
