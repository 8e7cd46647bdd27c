package hyp.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.train.CompiledObjective;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The runnable example: L2-regularised logistic regression with one weight per feature (examples/logreg.hyp) on a
 * synthetic set generated inside Spark, N rows × d features (default 10^6 × 100; labels ±1 from a fixed linear rule
 * plus noise), validation rows made on the driver. It times the distributed gradient and Hessian-vector product,
 * one implicit hypergradient (L-BFGS to ‖∇‖ ≤ 1e-6, then CG), and, with {@code --local}, the same on one machine
 * (the rows collected into the driver's memory, the same L-BFGS and CG on the generated code over all rows).
 *
 * <pre>
 * spark-submit --class hyp.spark.SyntheticJob --jars logreg.jar hyp-spark-job.jar logreg.jar [--rows N] [--features d]
 *     [--partitions P] [--local]
 * </pre>
 */
public final class SyntheticJob {
    private SyntheticJob() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SyntheticJob MODEL.jar [--class hyp.generated.Logreg] [--rows N] [--features d] "
                    + "[--partitions P] [--local] [--master M]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String className = "hyp.generated.Logreg", master = null;
        int rows = 1_000_000, d = 100, partitions = 0;
        boolean local = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--class" -> className = args[++i];
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--features" -> d = Integer.parseInt(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--local" -> local = true;
                case "--master" -> master = args[++i];
                default -> {
                    System.err.println("SyntheticJob: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        SparkSession.Builder b = SparkSession.builder().appName("hyp-spark synthetic logreg");
        if (master != null) b.master(master);
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        if (partitions == 0) partitions = 2 * cores;
        double[] truth = new double[d];
        for (int j = 0; j < d; j++) truth[j] = j < 10 ? 1.0 - 0.15 * j : 0.0;
        Dataset<Row> data = synthetic(spark, rows, d, partitions, truth);
        Tensor[] valid = validation(2000, d, truth);

        long t0 = System.nanoTime();
        SparkSolver s = SparkSolver.load(spark, jar, className).data("Xv", valid[0]).data("yv", valid[1])
                .rows(data, RowBinding.numbered("X", "x", d), RowBinding.of("y", "label"));
        DistributedLoss f = s.loss();
        double build = seconds(t0);
        double[] hyper = s.hyperVector(), w = new double[d], g = new double[d], v = new double[d];
        for (int j = 0; j < d; j++) w[j] = 0.01 * (j % 7);
        java.util.Arrays.fill(v, 1.0);
        f.valueAndGradient(w, hyper, g);
        t0 = System.nanoTime();
        for (int k = 0; k < 3; k++) f.valueAndGradient(w, hyper, g);
        double gradient = seconds(t0) / 3;
        t0 = System.nanoTime();
        for (int k = 0; k < 3; k++) f.hessianVector(w, hyper, v, g);
        double hvp = seconds(t0) / 3;
        long jobs = f.jobs();
        t0 = System.nanoTime();
        Lbfgs.Result opt = Lbfgs.minimize((x, grad) -> f.valueAndGradient(x, hyper, grad), s.startingParam(), 1e-6, 200, 10);
        Hypergradient hg = s.implicitAt(opt.w(), hyper);
        double total = seconds(t0);
        System.out.printf("hyp-spark: %d rows x %d features in %d partitions on %s (%d cores)%n", f.rows(), d, partitions,
                spark.sparkContext().master(), cores);
        System.out.printf("  rows cached as blocks: %.2f s%n", build);
        System.out.printf("  distributed gradient: %.3f s per job; Hessian-vector product: %.3f s per job%n", gradient, hvp);
        System.out.printf("  implicit hypergradient: %.2f s (%d jobs: L-BFGS %d evaluations to |grad| %.1e, CG %d products, 1 mixed); L_te %.6f, |dL/drho| %.6e%n",
                total, f.jobs() - jobs, opt.evaluations(), opt.gradientNorm(), hg.work().hessianVectorProducts(), hg.value(), hg.gradientNorm());
        if (local) single(data, d, valid, jar, className, opt.w(), hyper, hg, gradient, total);
        spark.stop();
    }

    /** The same on one machine: the rows collected, the generated code over all of them, the same L-BFGS and CG. */
    private static void single(Dataset<Row> data, int d, Tensor[] valid, Path jar, String className, double[] wStar,
                               double[] hyper, Hypergradient distributed, double gradientJob, double distributedTotal) {
        int n = (int) data.count();
        double[] x = new double[n * d], y = new double[n];
        Iterator<Row> it = data.toLocalIterator();
        for (int i = 0; it.hasNext(); i++) {
            Row r = it.next();
            for (int j = 0; j < d; j++) x[i * d + j] = r.getDouble(j);
            y[i] = r.getDouble(d);
        }
        Solver s = Solver.load(ModelContext.load(className)).data("X", new Tensor(x, n, d)).data("y", new Tensor(y, n))
                .data("Xv", valid[0]).data("yv", valid[1]);
        CompiledObjective f = s.objective();
        double[] w = new double[d], g = new double[d];
        for (int j = 0; j < d; j++) w[j] = 0.01 * (j % 7);
        f.valueAndGradW(w, hyper, g);
        long t0 = System.nanoTime();
        for (int k = 0; k < 3; k++) f.valueAndGradW(w, hyper, g);
        double gradient = seconds(t0) / 3;
        t0 = System.nanoTime();
        Lbfgs.Result opt = Lbfgs.minimize((p, grad) -> f.valueAndGradW(p, hyper, grad), s.startingParam(), 1e-6, 200, 10);
        Hypergradient hg = new Implicit(new Implicit.Options(1e-10, 1000, 0)).compute(f, opt.w(), hyper);
        double total = seconds(t0);
        double off = 0, scale = 0;
        for (int i = 0; i < hyper.length; i++) {
            off = Math.max(off, Math.abs(hg.gradient()[i] - distributed.gradient()[i]));
            scale = Math.max(scale, Math.abs(hg.gradient()[i]));
        }
        System.out.printf("single machine (one JVM, generated code over all rows, HYP_THREADS as set): gradient %.3f s; "
                + "implicit hypergradient %.2f s (L-BFGS %d evaluations, CG %d products); vs distributed: gradient x%.2f, "
                + "hypergradient x%.2f; hypergradients differ by %.1e relative%n", gradient, total, opt.evaluations(),
                hg.work().hessianVectorProducts(), gradientJob / gradient, distributedTotal / total, off / scale);
    }

    private static Dataset<Row> synthetic(SparkSession spark, int rows, int d, int partitions, double[] truth) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < d; j++) cols.add(randn(1000L + j).as("x" + j));
        Dataset<Row> x = spark.range(0, rows, 1, partitions).select(cols.toArray(new Column[0]));
        Column score = randn(7L).multiply(0.5);
        for (int j = 0; j < d; j++) if (truth[j] != 0) score = score.plus(col("x" + j).multiply(truth[j]));
        return x.withColumn("label", when(score.gt(0), lit(1.0)).otherwise(lit(-1.0)));
    }

    private static Tensor[] validation(int m, int d, double[] truth) {
        Random r = new Random(11);
        double[] x = new double[m * d], y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0.5 * r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.nextGaussian();
                s += truth[j] * x[i * d + j];
            }
            y[i] = s > 0 ? 1 : -1;
        }
        return new Tensor[] {new Tensor(x, m, d), new Tensor(y, m)};
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
