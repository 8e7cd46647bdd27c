package hyp.compiler.reverse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.hyper.GreedyTuner;
import hyp.runtime.hyper.SgdUpdate;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.reverse.Reversible;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The greedy tuner on reversible learning: each round warm-starts from the last state, so the inverse must see
 * the run's own step numbers (adam_corrected's bias correction reads t). The tuned λ must match greedy tuning
 * with store-all, whose run is in plain doubles, to the reversible strategy's 1e-6.
 */
class ReversibleTuningTest {
    @ParameterizedTest
    @ValueSource(strings = {"adam_corrected(lr = 0.05)", "momentum(lr = 0.2)"})
    void greedyTuningOnReversibleLearningFollowsStoreAll(String optimizer) {
        Setup s = Setup.of(optimizer);
        int rounds = 4, k = 25;
        TuningResult reversible = new GreedyTuner(new Reversible(s.sequence()), k, new SgdUpdate(0.5))
                .tune(s.dynamics(), s.hyper(), rounds, TuningListener.NONE);
        TuningResult storeAll = new GreedyTuner(new StoreAll(), k, new SgdUpdate(0.5))
                .tune(s.dynamics(), s.hyper(), rounds, TuningListener.NONE);
        double moved = 0, diff = 0;
        for (int i = 0; i < s.hyper().length; i++) {
            moved = Math.max(moved, Math.abs(storeAll.hyper()[i] - s.hyper()[i]));
            diff = Math.max(diff, Math.abs(storeAll.hyper()[i] - reversible.hyper()[i]));
        }
        assertTrue(moved > 1e-4, "tuning moved lambda: " + moved);
        assertTrue(diff <= 1e-6 * moved, optimizer + ": reversible and store-all lambdas differ by " + diff
                + " after moving " + moved);
    }
}
