package hyp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Independent tuning runs as Spark tasks give what the embedded solver gives on one machine, and the best is chosen. */
class ParallelRunsTest {
    private static Tensor rows(Tensor t, int from, int to) {
        int width = t.data.length / t.shape[0];
        int[] shape = t.shape.clone();
        shape[0] = to - from;
        return new Tensor(Arrays.copyOfRange(t.data, from * width, to * width), shape);
    }

    @Test
    void startsAndFoldsRunAsTasksAndEqualTheirSingleMachineRuns() {
        DistributedLossTest.Case c = DistributedLossTest.logreg(DistributedLossTest.LOGREG);
        Map<String, Tensor> all = Map.of("X", c.x(), "y", c.y(), "Xv", c.xv(), "yv", c.yv());
        // Fold 0 of 2: train on rows 100..199, validate on rows 0..99.
        Map<String, Tensor> fold = Map.of("X", rows(c.x(), 100, 200), "y", rows(c.y(), 100, 200),
                "Xv", rows(c.x(), 0, 100), "yv", rows(c.y(), 0, 100));
        double[] high = new double[30];
        Arrays.fill(high, 1.0);
        List<ParallelRuns.Run> runs = List.of(
                new ParallelRuns.Run("declared start", all, Map.of()),
                new ParallelRuns.Run("rho = 1", all, Map.of("rho", new Tensor(high, 30))),
                new ParallelRuns.Run("fold 0", fold, Map.of()));
        ParallelRuns.Results results = ParallelRuns.tune(SparkFixture.spark(), SparkFixture.jar(DistributedLossTest.LOGREG),
                SparkFixture.className(DistributedLossTest.LOGREG), runs);
        assertEquals(3, results.all().size());
        for (int k = 0; k < runs.size(); k++) {
            ParallelRuns.Run run = runs.get(k);
            Solver local = SparkFixture.localSolver(DistributedLossTest.LOGREG);
            run.data().forEach(local::data);
            run.hypers().forEach(local::hyper);
            TuningResult expected = local.tune(TuningListener.NONE);
            ParallelRuns.Result got = results.all().get(k);
            assertEquals(run.label(), got.label());
            assertArrayEquals(expected.hyper(), got.tuned(), 0.0, run.label());
            assertEquals(local.validationLoss(expected.hyper()), got.lossAfter(), 0.0, run.label());
            assertTrue(got.lossAfter() < got.lossBefore(), run.label() + ": tuning lowers the validation loss");
        }
        ParallelRuns.Result min = results.all().stream().min((a, b) -> Double.compare(a.lossAfter(), b.lossAfter())).orElseThrow();
        assertSame(min, results.best());
    }
}
