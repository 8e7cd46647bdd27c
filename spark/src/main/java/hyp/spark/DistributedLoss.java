package hyp.spark;

import hyp.runtime.hyper.InnerObjective;
import hyp.runtime.train.CompiledObjective;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;

/**
 * The training loss over rows held by Spark, as implicit differentiation and the driver's optimizers read it.
 * Each gradient, Hessian-vector product or mixed product is one Spark job: (w, λ, v) go to the tasks, every
 * partition runs the generated code on its rows ({@link RowBlock#evaluate}), and {@code treeAggregate} combines
 * the partitions' weighted results exactly ({@link ExactSums}) before the driver divides by the row count: the
 * pattern of Spark MLlib's {@code RDDLossFunction}. The validation loss is evaluated on the driver, where its
 * (smaller) data live.
 */
public final class DistributedLoss implements InnerObjective {
    private final JavaRDD<RowBlock> blocks;
    private final Broadcast<ModelContext> context;
    private final CompiledObjective driver;
    private final long[] firstRows;
    private final long rows;
    private final int depth;
    private long jobs;

    DistributedLoss(JavaRDD<RowBlock> blocks, Broadcast<ModelContext> context, CompiledObjective driver,
                    long[] firstRows, long rows, int depth) {
        this.blocks = blocks;
        this.context = context;
        this.driver = driver;
        this.firstRows = firstRows.clone();
        this.rows = rows;
        this.depth = depth;
    }

    /** The number of rows the loss averages over. */
    public long rows() {
        return rows;
    }

    /** The Spark jobs this loss has run (one per gradient, Hessian-vector or mixed product). */
    public long jobs() {
        return jobs;
    }

    @Override
    public int paramSize() {
        return driver.paramSize();
    }

    @Override
    public int hyperSize() {
        return driver.hyperSize();
    }

    /** L_tr(w, λ) over all rows; writes ∇_w L_tr into {@code out}. One job. */
    public double valueAndGradient(double[] w, double[] hyper, double[] out) {
        return valueAndGradient(w, hyper, null, out);
    }

    /**
     * As {@link #valueAndGradient(double[], double[], double[])} on the rows {@code batch} alone (ascending global
     * row numbers, as {@code hyp.runtime.data.Minibatches#rows} gives them); null means all rows.
     */
    public double valueAndGradient(double[] w, double[] hyper, int[] batch, double[] out) {
        double[] r = aggregate(new Request(Request.Kind.VALUE_GRADIENT, w, hyper, null, batch, firstRows));
        System.arraycopy(r, 1, out, 0, out.length);
        return r[0];
    }

    @Override
    public void gradW(double[] w, double[] hyper, double[] out) {
        valueAndGradient(w, hyper, out);
    }

    @Override
    public void hessianVector(double[] w, double[] hyper, double[] v, double[] out) {
        hessianVector(w, hyper, v, null, out);
    }

    /** H·v on the rows {@code batch} (null: all). One job. */
    public void hessianVector(double[] w, double[] hyper, double[] v, int[] batch, double[] out) {
        double[] r = aggregate(new Request(Request.Kind.HESSIAN_VECTOR, w, hyper, v, batch, firstRows));
        System.arraycopy(r, 0, out, 0, out.length);
    }

    @Override
    public void mixedVjp(double[] w, double[] hyper, double[] x, double[] hyperBar) {
        mixedVjp(w, hyper, x, null, hyperBar);
    }

    /** Adds (∂²L/∂λ∂w)·x on the rows {@code batch} (null: all) into {@code hyperBar}. One job. */
    public void mixedVjp(double[] w, double[] hyper, double[] x, int[] batch, double[] hyperBar) {
        double[] r = aggregate(new Request(Request.Kind.MIXED, w, hyper, x, batch, firstRows));
        for (int i = 0; i < r.length; i++) hyperBar[i] += r[i];
    }

    @Override
    public double outerLoss(double[] w, double[] hyper) {
        return driver.outerLoss(w, hyper);
    }

    @Override
    public void outerGradient(double[] w, double[] hyper, double[] wBar, double[] hyperBar) {
        driver.outerGradient(w, hyper, wBar, hyperBar);
    }

    private double[] aggregate(Request request) {
        // The request rides in the task closure: w, λ and v are vectors of the model's size, small next to the rows.
        Broadcast<ModelContext> c = context;
        ExactSums sums = blocks.treeAggregate(new ExactSums(),
                (acc, block) -> block.evaluate(c.value(), request, acc), ExactSums::merge, depth);
        jobs++;
        double[] out = sums.mean();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new ArithmeticException("the distributed " + request.kind().name().toLowerCase().replace('_', ' ')
                        + " of the training loss is not finite: entry " + i + " = " + out[i]
                        + (Arrays.stream(request.w()).allMatch(Double::isFinite) ? "" : " (w itself is not finite)"));
            }
        }
        return out;
    }
}
