package hyp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/** A task that fails is retried with the same result; a Dataset that does not fit the declarations is refused up front. */
class FailureAndInputTest {
    /** Armed, the first attempt of partition 1's task throws (tests run in one JVM with local Spark, so this is seen). */
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Test
    void aFailedTaskIsRetriedAndTheGradientIsUnchanged() {
        DistributedLossTest.Case c = DistributedLossTest.logreg(DistributedLossTest.LOGREG);
        Dataset<Row> clean = SparkFixture.rows(c.x(), c.y(), 3);
        JavaRDD<Row> flaky = clean.toJavaRDD().map(row -> {
            TaskContext task = TaskContext.get();
            if (ARMED.get() && task.partitionId() == 1 && task.attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected executor failure");
            }
            return row;
        });
        Dataset<Row> rows = SparkFixture.spark().createDataFrame(flaky, clean.schema());
        // Not cached, so every job reads the rows again through the flaky step.
        SparkSolver s = SparkFixture.sparkSolver(DistributedLossTest.LOGREG).data("Xv", c.xv()).data("yv", c.yv())
                .storageLevel(StorageLevel.NONE())
                .rows(rows, RowBinding.numbered("X", "x", 30), RowBinding.of("y", "label"));
        DistributedLoss f = s.loss();
        double[] w = DistributedLossTest.point(30, 0.3, 1), hyper = s.hyperVector();
        double[] before = new double[30], after = new double[30];
        double v0 = f.valueAndGradient(w, hyper, before);
        ARMED.set(true);
        double v1;
        try {
            v1 = f.valueAndGradient(w, hyper, after);
        } finally {
            ARMED.set(false);
        }
        assertEquals(1, FAILURES.get(), "the injected failure happened once");
        assertEquals(v0, v1, 0.0);
        assertArrayEquals(before, after, 0.0);
        s.release();
    }

    private static IllegalArgumentException refused(RowBinding... bindings) {
        DistributedLossTest.Case c = DistributedLossTest.logreg(DistributedLossTest.LOGREG);
        Dataset<Row> rows = SparkFixture.rows(c.x(), c.y(), 2);
        SparkSolver s = SparkFixture.sparkSolver(DistributedLossTest.LOGREG).data("Xv", c.xv()).data("yv", c.yv());
        return assertThrows(IllegalArgumentException.class, () -> s.rows(rows, bindings));
    }

    @Test
    void columnsThatDoNotFitTheDeclarationsAreNamedBeforeAnyJob() {
        long jobs = SparkFixture.spark().sparkContext().statusTracker().getJobIdsForGroup(null).length;
        String missing = refused(RowBinding.of("X", "x0", "x1", "nope"), RowBinding.of("y", "label")).getMessage();
        assertTrue(missing.startsWith("column 'nope' bound to data X: real[n, d] is not in the Dataset"), missing);
        String count = refused(RowBinding.numbered("X", "x", 29), RowBinding.of("y", "label")).getMessage();
        assertEquals("data X: real[n, d] needs 30 numbers per row but is bound to 29 columns (x0 … x28)", count);
        String label = refused(RowBinding.numbered("X", "x", 30), RowBinding.of("y", "x0", "label")).getMessage();
        assertEquals("data y: real[n] has one number per row but is bound to 2 columns [x0, label]", label);
        String unbound = refused(RowBinding.numbered("X", "x", 30)).getMessage();
        assertTrue(unbound.startsWith("data y: real[n] reads the rows ('n') but is bound to no column"), unbound);
        String unknown = refused(RowBinding.of("Z", "x0")).getMessage();
        assertEquals("no data 'Z' is declared; data: X, y, Xv, yv", unknown);
        assertEquals(jobs, SparkFixture.spark().sparkContext().statusTracker().getJobIdsForGroup(null).length,
                "no Spark job ran");
    }

    @Test
    void aTextColumnIsNamed() {
        DistributedLossTest.Case c = DistributedLossTest.logreg(DistributedLossTest.LOGREG);
        Dataset<Row> rows = SparkFixture.rows(c.x(), c.y(), 2).withColumn("label", org.apache.spark.sql.functions.lit("yes"));
        SparkSolver s = SparkFixture.sparkSolver(DistributedLossTest.LOGREG).data("Xv", c.xv()).data("yv", c.yv());
        String m = assertThrows(IllegalArgumentException.class,
                () -> s.rows(rows, RowBinding.numbered("X", "x", 30), RowBinding.of("y", "label"))).getMessage();
        assertEquals("column 'label' bound to data y: real[n] holds string, not numbers", m);
    }

    @Test
    void aLossThatSumsOverRowsIsRefused() {
        DistributedLossTest.Case c = DistributedLossTest.logreg("src/test/resources/models/logreg_sum.hyp");
        SparkSolver s = c.distributed(2);
        String m = assertThrows(IllegalArgumentException.class, s::loss).getMessage();
        assertTrue(m.startsWith("the train statement's loss does not split by rows: on the first 8 rows"), m);
    }

    @Test
    void anArrayColumnBindsAsItsNumberedColumnsDo() {
        DistributedLossTest.Case c = DistributedLossTest.logreg(DistributedLossTest.LOGREG);
        Dataset<Row> columns = SparkFixture.rows(c.x(), c.y(), 2);
        org.apache.spark.sql.Column[] xs = new org.apache.spark.sql.Column[30];
        for (int j = 0; j < 30; j++) xs[j] = org.apache.spark.sql.functions.col("x" + j);
        Dataset<Row> arrays = columns.select(org.apache.spark.sql.functions.array(xs).as("features"),
                org.apache.spark.sql.functions.col("label"));
        double[] w = DistributedLossTest.point(30, 0.3, 1);
        double[] fromColumns = new double[30], fromArray = new double[30];
        SparkSolver a = c.distributed(2);
        a.loss().valueAndGradient(w, a.hyperVector(), fromColumns);
        SparkSolver b = SparkFixture.sparkSolver(DistributedLossTest.LOGREG).data("Xv", c.xv()).data("yv", c.yv())
                .rows(arrays, RowBinding.of("X", "features"), RowBinding.of("y", "label"));
        b.loss().valueAndGradient(w, b.hyperVector(), fromArray);
        assertArrayEquals(fromColumns, fromArray, 0.0);
        a.release();
        b.release();
        // An array of the wrong length is named in the job that reads the rows.
        Dataset<Row> short29 = columns.select(org.apache.spark.sql.functions.array(java.util.Arrays.copyOf(xs, 29)).as("features"),
                org.apache.spark.sql.functions.col("label"));
        SparkSolver bad = SparkFixture.sparkSolver(DistributedLossTest.LOGREG).data("Xv", c.xv()).data("yv", c.yv())
                .rows(short29, RowBinding.of("X", "features"), RowBinding.of("y", "label"));
        Exception e = assertThrows(Exception.class, bad::loss);
        assertTrue(String.valueOf(e.getMessage()).contains("column 'features' bound to data X has 29 numbers in row 0 of partition 0; "
                + "the declaration needs 30"), e.getMessage());
    }
}
