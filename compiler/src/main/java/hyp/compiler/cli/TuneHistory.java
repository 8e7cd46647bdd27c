package hyp.compiler.cli;

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
final class TuneHistory implements TuningListener {
    /** One round; {@code round} counts from 1, {@code hyper} is the flat λ the round ran with. */
    record Entry(int round, double validationLoss, double gradientNorm, double[] hyper, long elapsedMillis) {}

    private final long start = System.nanoTime();
    private final TuningListener next;
    private final List<TuningRound> reports = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<double[]> hypers = new ArrayList<>();

    /** @param next receives each round after it is recorded (progress display) */
    TuneHistory(TuningListener next) {
        this.next = next;
    }

    @Override
    public void onRound(TuningRound round) {
        reports.add(round);
        times.add((System.nanoTime() - start) / 1_000_000);
        next.onRound(round);
    }

    /** The update, recording λ before it applies. */
    OuterUpdate recording(OuterUpdate update) {
        return (hyper, gradient) -> {
            hypers.add(hyper.clone());
            update.apply(hyper, gradient);
        };
    }

    long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            TuningRound r = reports.get(i);
            out.add(new Entry(r.round() + 1, r.validationLoss(), r.gradientNorm(),
                    i < hypers.size() ? hypers.get(i) : null, times.get(i)));
        }
        return out;
    }
}
