package hyp.runtime.hyper;

/** Receives each round of a tuning run (for logs, reports, plots). */
@FunctionalInterface
public interface TuningListener {
  void onRound(TuningRound round);

  /** A listener that ignores everything. */
  TuningListener NONE = round -> {};
}
