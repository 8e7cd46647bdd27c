package hyp.runtime.ops;

/** A {@code while} loop ran past the trip limit: almost always a condition that never turns false. */
public final class LoopTripsExceeded extends RuntimeException {
    LoopTripsExceeded(String where, long limit) {
        super(where + ": this while loop ran more than " + limit + " trips without its condition turning false; "
                + "if it is meant to run longer, raise the limit with --max-trips N", null, false, false);
    }
}
