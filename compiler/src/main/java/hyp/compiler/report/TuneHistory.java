package hyp.compiler.report;

import hyp.runtime.hyper.HypergradientException;
import hyp.runtime.hyper.OuterUpdate;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningRound;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a tuning run round by round: the tuner's report of each round, the λ that round used, and the time
 * since the run started. λ is seen by wrapping the outer update, which the tuner calls with the round's λ
 * right after reporting the round.
 */
public final class TuneHistory implements TuningListener {
    /** One round; {@code round} counts from 1, {@code hyper} is the flat λ the round ran with. */
    record Entry(int round, double validationLoss, double gradientNorm, double[] hyper, long elapsedMillis) {}

    private final long start = System.nanoTime();
    private final TuningListener next;
    private final List<TuningRound> reports = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<double[]> hypers = new ArrayList<>();

    /** @param next receives each round after it is recorded (progress display) */
    public TuneHistory(TuningListener next) {
        this.next = next;
    }

    @Override
    public void onRound(TuningRound round) {
        reports.add(round);
        times.add((System.nanoTime() - start) / 1_000_000);
        next.onRound(round);
    }

    /**
     * The update, recording λ before it applies and checking it after, so an update that overflows is reported
     * with its round and the entry's name (the tuner's own check knows neither).
     *
     * @param names the name of each flat λ entry
     */
    public OuterUpdate recording(OuterUpdate update, List<String> names) {
        return (hyper, gradient) -> {
            hypers.add(hyper.clone());
            update.apply(hyper, gradient);
            for (int i = 0; i < hyper.length; i++) {
                if (!Double.isFinite(hyper[i])) {
                    throw new HypergradientException("round " + hypers.size() + ": the outer update made " + names.get(i)
                            + " = " + hyper[i] + " (its hypergradient was " + gradient[i] + ")");
                }
            }
        };
    }

    /** The round (from 1) that a failure now would belong to. */
    public int currentRound() {
        return reports.size() + 1;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            TuningRound r = reports.get(i);
            out.add(new Entry(r.round() + 1, r.validationLoss(), r.gradientNorm(),
                    i < hypers.size() ? hypers.get(i) : null, times.get(i)));
        }
        return out;
    }
}
