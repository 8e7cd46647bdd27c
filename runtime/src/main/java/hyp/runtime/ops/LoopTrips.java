package hyp.runtime.ops;

/**
 * The guard on {@code while} loops in generated code: a loop whose condition stays true for more than
 * {@link #limit()} trips in one run stops with {@link LoopTripsExceeded}, naming the loop's place in the .hyp
 * file, rather than hanging. The limit is per run of a loop, not a total, and is process-wide (the command line's
 * {@code --max-trips} sets it).
 */
public final class LoopTrips {
    private LoopTrips() {}

    /** Large enough that no loop that ends is stopped in practice (a trip costs at least a nanosecond). */
    public static final long DEFAULT_LIMIT = 100_000_000L;

    private static volatile long limit = DEFAULT_LIMIT;

    public static long limit() {
        return limit;
    }

    /** Sets the limit for later loop runs; at least 1. */
    public static void setLimit(long trips) {
        if (trips < 1) throw new IllegalArgumentException("the loop trip limit must be >= 1, got " + trips);
        limit = trips;
    }

    /** Called by generated code each trip with the trips so far; throws once they pass the limit. */
    public static void check(long trips, String where) {
        if (trips > limit) throw new LoopTripsExceeded(where, limit);
    }
}
