package hyp.spark;

import static hyp.spark.SparkFixture.relative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.hyper.Hypergradient;
import org.junit.jupiter.api.Test;

/**
 * Hypergradients through gradient descent run on the driver with the distributed gradient, against the
 * single-machine solver running the file's own {@code sgd} step: full batch, and minibatches drawn by the same
 * seeded schedule.
 */
class UnrolledTest {
    @Test
    void unrolledAndTreeThroughFullBatchStepsMatchTheSingleMachine() {
        DistributedLossTest.Case c = DistributedLossTest.logreg("src/test/resources/models/logreg_sgd.hyp");
        Hypergradient local = c.local().hypergradient("unrolled");
        SparkSolver s = c.distributed(3);
        double[] hyper = s.hyperVector();
        Hypergradient unrolled = s.unrolled("unrolled", 12, 0.5, 0, 0, hyper);
        assertEquals(local.value(), unrolled.value(), 1e-12 * local.value());
        assertTrue(relative(unrolled.gradient(), local.gradient()) <= 1e-12, "off by " + relative(unrolled.gradient(), local.gradient()));
        Hypergradient tree = s.unrolled("tree", 12, 0.5, 0, 0, hyper);
        assertArrayEquals(unrolled.gradient(), tree.gradient(), 0.0, "tree recomputes the same steps bit for bit");
        s.release();
    }

    @Test
    void minibatchStepsReadTheRowsOfTheSingleMachineSchedule() {
        DistributedLossTest.Case c = DistributedLossTest.logreg("src/test/resources/models/logreg_sgd_batch.hyp");
        var solver = c.local();
        int steps = solver.steps();
        assertEquals(12, steps, "3 epochs of 4 batches of 50 rows");
        Hypergradient local = solver.hypergradient("unrolled");
        SparkSolver s = c.distributed(4);
        Hypergradient distributed = s.unrolled("unrolled", steps, 0.5, 50, 7, s.hyperVector());
        assertEquals(local.value(), distributed.value(), 1e-12 * local.value());
        assertTrue(relative(distributed.gradient(), local.gradient()) <= 1e-12, "off by " + relative(distributed.gradient(), local.gradient()));
        Hypergradient fullBatch = DistributedLossTest.logreg("src/test/resources/models/logreg_sgd.hyp").local().hypergradient("unrolled");
        assertTrue(relative(fullBatch.gradient(), local.gradient()) > 1e-6, "minibatches change the run");
        s.release();
    }
}
