package hyp.runtime.hyper;

/** Receives each round of a tuning run (for logs, reports, plots). */
@FunctionalInterface
public interface TuningListener {
    /**
     * Called after each round, on the thread that runs the tuning, before the next round starts.
     *
     * @param round the round's number, validation loss, hypergradient norm and work
     */
    void onRound(TuningRound round);

    /** A listener that ignores everything. */
    TuningListener NONE = round -> {};
}
