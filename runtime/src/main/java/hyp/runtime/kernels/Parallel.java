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
 * of available processors): an integer from 1 to {@value #MAX_THREADS}. Any other value ({@code 0},
 * {@code abc}, {@code 1000000}) is rejected, not clamped: the first use of the pool (or of
 * {@link #threads()}) throws an {@link IllegalArgumentException} that quotes the value and gives the
 * valid range, unless {@link #setThreads} chose a count first. The pool's workers are daemon threads,
 * so it never keeps a JVM alive.
 */
public final class Parallel {
    /** Work on the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** The most threads a pool may have (the limit of {@link ForkJoinPool}'s parallelism). */
    public static final int MAX_THREADS = 32767;

    /** Why {@code HYP_THREADS} is unusable, or null; raised at first use rather than in a class initializer. */
    private static final String ENVIRONMENT_ERROR = environmentError(System.getenv("HYP_THREADS"));
    private static final int CONFIGURED = ENVIRONMENT_ERROR == null ? readThreads(System.getenv("HYP_THREADS")) : 1;
    private static volatile int threads = CONFIGURED;
    private static volatile boolean chosen;
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /**
     * The configured number of threads (at least 1).
     *
     * @throws IllegalArgumentException if {@code HYP_THREADS} is not an integer from 1 to {@value #MAX_THREADS}
     *     and no count was set
     */
    public static int threads() {
        requireUsableEnvironment();
        return threads;
    }

    /** Overrides {@code HYP_THREADS} for later calls (e.g. from a command-line flag). */
    public static void setThreads(int n) {
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("Parallel.setThreads: need 1 to " + MAX_THREADS + " threads, got " + n);
        }
        threads = n;
        chosen = true;
    }

    /**
     * Why {@code HYP_THREADS} is unusable (quoting it and giving the valid range), or null when it is unset or
     * valid: what a command line checks before it starts, so a bad value fails every run, not only those that
     * reach the pool.
     */
    public static String environmentProblem() {
        return ENVIRONMENT_ERROR;
    }

    private static void requireUsableEnvironment() {
        if (ENVIRONMENT_ERROR != null && !chosen) {
            throw new IllegalArgumentException(ENVIRONMENT_ERROR);
        }
    }

    /**
     * Runs {@code body} over {@code [0, count)} split into chunks whose boundaries are multiples of
     * {@code align} (except the last). Runs inline when {@code parallel} is false, there is one
     * thread, or the range is too small to split.
     */
    public static void forRange(int count, int align, boolean parallel, RangeBody body) {
        requireUsableEnvironment();
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

    /** Null when {@code env} is unset, blank or an integer from 1 to {@value #MAX_THREADS}; else the message. */
    static String environmentError(String env) {
        if (env == null || env.isBlank()) {
            return null;
        }
        String problem = "HYP_THREADS must be an integer from 1 to " + MAX_THREADS + " (the number of worker threads;"
                + " unset means one per available processor), got '" + env + "'";
        try {
            int n = Integer.parseInt(env.trim());
            return n >= 1 && n <= MAX_THREADS ? null : problem;
        } catch (NumberFormatException e) {
            return problem;
        }
    }

    private static int readThreads(String env) {
        return env == null || env.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(env.trim());
    }
}
