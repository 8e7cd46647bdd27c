package hyp.spark;

import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.embed.Solver;
import hyp.runtime.embed.Wiring;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.hyper.OuterUpdate;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.hyper.TuningRound;
import hyp.runtime.hyper.Work;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The bilevel solver of a compiled .hyp file with its training rows in a Spark Dataset: the training loss, its
 * gradient, Hessian-vector and mixed products are per-partition sums of the generated code's results, combined by
 * {@code treeAggregate} ({@link DistributedLoss}); the validation loss and the other shared data stay on the driver.
 *
 * <pre>{@code
 * SparkSolver s = SparkSolver.load(spark, Path.of("logreg.jar"), "hyp.generated.Logreg")
 *         .rows(df, RowBinding.numbered("X", "x", 30), RowBinding.of("y", "label"))
 *         .data("Xv", xv).data("yv", yv);
 * Hypergradient g = s.hypergradient();                 // implicit: L-BFGS on the cluster's gradient, then CG
 * }</pre>
 */
public final class SparkSolver {
    private static final Implicit.Options CG = new Implicit.Options(1e-10, 1000, 0);

    private final SparkSession spark;
    private final Class<?> generated;
    private final Wiring wiring;
    private final Map<String, Values> shared = new LinkedHashMap<>();
    private Dataset<Row> rows;
    private List<RowBinding> bindings;
    private StorageLevel storage = StorageLevel.MEMORY_AND_DISK();
    private int depth = 2;
    private DistributedLoss loss;
    private Solver driver;
    private JavaRDD<RowBlock> blocks;

    private SparkSolver(SparkSession spark, Class<?> generated) {
        this.spark = Objects.requireNonNull(spark, "SparkSolver: spark must not be null");
        this.generated = generated;
        this.wiring = Wiring.of(generated);
    }

    /** The solver of a generated class on the driver's class path (its jar must reach the executors too). */
    public static SparkSolver load(SparkSession spark, Class<?> generated) {
        return new SparkSolver(spark, Objects.requireNonNull(generated, "SparkSolver.load: generated must not be null"));
    }

    /** The solver of class {@code className} in model jar {@code modelJar} ({@code hyp compile}), shipped to the executors. */
    public static SparkSolver load(SparkSession spark, Path modelJar, String className) {
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {modelJar.toUri().toURL()}, SparkSolver.class.getClassLoader());
            spark.sparkContext().addJar(modelJar.toAbsolutePath().toString());
            return load(spark, Class.forName(className, true, loader));
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class " + className + " in " + modelJar, e);
        }
    }

    /**
     * The training rows: the Dataset's partitions are the unit of work. Checked at once against the data
     * declarations (before any job): {@link ColumnCheck}.
     */
    public SparkSolver rows(Dataset<Row> rows, RowBinding... bindings) {
        this.rows = Objects.requireNonNull(rows, "SparkSolver.rows: rows must not be null");
        this.bindings = List.of(bindings);
        ColumnCheck.check(wiring, rows.schema(), this.bindings, shared);
        loss = null;
        return this;
    }

    /** A data declaration that is not split by rows (validation data, centres, …), kept on the driver and broadcast. */
    public SparkSolver data(String name, Tensor value) {
        Objects.requireNonNull(value, () -> "SparkSolver.data: the value of data '" + name + "' must not be null");
        shared.put(name, Values.of(value));
        if (rows != null) ColumnCheck.check(wiring, rows.schema(), bindings, shared);
        loss = null;
        return this;
    }

    /** As {@link #data(String, Tensor)} from row-major numbers. */
    public SparkSolver data(String name, double[] values, int... shape) {
        return data(name, new Tensor(values.clone(), shape));
    }

    /** How the partitions' row blocks are kept between jobs (default memory and disk; NONE re-reads the Dataset per job). */
    public SparkSolver storageLevel(StorageLevel level) {
        storage = Objects.requireNonNull(level);
        loss = null;
        return this;
    }

    /** treeAggregate's depth (default 2). */
    public SparkSolver depth(int depth) {
        if (depth < 1) throw new IllegalArgumentException("SparkSolver.depth: must be >= 1, got " + depth);
        this.depth = depth;
        loss = null;
        return this;
    }

    /** The training loss over the Dataset's rows; the first call builds the row blocks and checks the loss's form. */
    public DistributedLoss loss() {
        if (loss != null) return loss;
        if (rows == null) throw new IllegalStateException("SparkSolver: bind the training rows first: rows(dataset, bindings...)");
        List<ColumnCheck.Plan> plans = ColumnCheck.check(wiring, rows.schema(), bindings, shared);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ModelContext context = new ModelContext(generated, shared);
        List<String> names = List.of(rows.schema().fieldNames());
        RowBlock sample = RowBlocks.block(0, rows.limit(8).collectAsList().iterator(), plans, names);
        if (sample.rows == 0) throw new IllegalArgumentException("the Dataset has no rows");
        driver = context.solver();
        sample.data().forEach((name, v) -> driver.data(name, v.tensor()));
        LossShape.check(context, sample, driver.startingParam(), driver.hyperVector());
        if (blocks != null) blocks.unpersist(false);
        blocks = RowBlocks.of(rows, plans).persist(storage);
        List<Integer> counts = blocks.map(b -> b.rows).collect();
        long[] first = new long[counts.size()];
        long total = 0;
        for (int p = 0; p < counts.size(); p++) {
            first[p] = total;
            total += counts.get(p);
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("more than 2^31 - 1 rows");
        loss = new DistributedLoss(blocks, sc.broadcast(context), driver.objective(), first, total, depth);
        return loss;
    }

    /** The starting λ (declared or given hypers), flat. */
    public double[] hyperVector() {
        loss();
        return driver.hyperVector();
    }

    /** The trained param's starting value, flat. */
    public double[] startingParam() {
        loss();
        return driver.startingParam();
    }

    /** The hyper names in λ's order. */
    public List<String> hypers() {
        return wiring.hypers();
    }

    /** The implicit hypergradient at the starting λ: L-BFGS from the starting param to ‖∇_w L_tr‖ ≤ 1e-9, then CG. */
    public Hypergradient hypergradient() {
        return hypergradient(hyperVector(), 1e-9, 1000);
    }

    /**
     * The implicit hypergradient at λ = {@code hyper}: the driver's L-BFGS (one aggregation per evaluation) from the
     * starting param until ‖∇_w L_tr‖ ≤ {@code gradientTolerance}, then CG to relative residual 1e-10 with one
     * aggregation per Hessian-vector product, and one more for the mixed product.
     */
    public Hypergradient hypergradient(double[] hyper, double gradientTolerance, int maxIterations) {
        DistributedLoss f = loss();
        Lbfgs.Result r = Lbfgs.minimize((w, g) -> f.valueAndGradient(w, hyper, g), startingParam(), gradientTolerance, maxIterations, 10);
        Hypergradient g = implicitAt(r.w(), hyper);
        return new Hypergradient(g.value(), g.gradient(), g.memory(), g.work().plus(Work.ofSteps(r.evaluations(), 0)));
    }

    /** The implicit hypergradient at a given w (taken as w*) and λ. */
    public Hypergradient implicitAt(double[] w, double[] hyper) {
        return new Implicit(CG).compute(loss(), w, hyper);
    }

    /**
     * dL_te/dλ through {@code steps} steps of gradient descent with step size {@code lr} from the starting param,
     * run on the driver with the distributed gradient, by {@code method} (unrolled, tree, binomial:S or numerical).
     * With {@code batch} > 0 step t reads minibatch t of the single-machine schedule (seeded Fisher–Yates per epoch).
     */
    public Hypergradient unrolled(String method, int steps, double lr, int batch, long seed, double[] hyper) {
        HypergradientMethod m = HypergradientMethod.parse(method);
        if (!(m instanceof HypergradientMethod.Standalone s)) {
            throw new IllegalArgumentException("SparkSolver.unrolled: '" + method + "' is not a strategy through the steps; "
                    + "use unrolled, tree, binomial:S or numerical (implicit: hypergradient())");
        }
        DistributedLoss f = loss();
        Minibatches batches = batch > 0 ? new Minibatches((int) f.rows(), batch, seed) : null;
        return s.strategy(steps).compute(new GradientDescentRun(f, startingParam(), lr, batches), steps, hyper);
    }

    /**
     * Implicit tuning: {@code rounds} rounds of (L-BFGS warm-started from the last round's w, implicit hypergradient,
     * λ ← update(λ, ∇λ)); {@code update} null takes the tune statement's own rule and settings.
     */
    public TuningResult tune(int rounds, OuterUpdate update, TuningListener listener) {
        if (rounds < 1) throw new IllegalArgumentException("SparkSolver.tune: rounds must be >= 1, got " + rounds);
        OuterUpdate rule = update != null ? update : wiring.update().create();
        DistributedLoss f = loss();
        double[] lambda = hyperVector();
        double[] w = startingParam();
        List<TuningRound> history = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double[] l = lambda.clone();
            Lbfgs.Result r = Lbfgs.minimize((x, g) -> f.valueAndGradient(x, l, g), w, 1e-7, 500, 10);
            w = r.w();
            Hypergradient g = new Implicit(new Implicit.Options(1e-6, 1000, 0)).compute(f, w, lambda);
            TuningRound report = new TuningRound(round, g.value(), g.gradientNorm(), g.work().plus(Work.ofSteps(r.evaluations(), 0)));
            history.add(report);
            listener.onRound(report);
            rule.apply(lambda, g.gradient());
        }
        return new TuningResult(lambda, w, history);
    }

    /** Frees the cached row blocks. */
    public void release() {
        if (blocks != null) blocks.unpersist(false);
        blocks = null;
        loss = null;
    }

    @Override
    public String toString() {
        return "SparkSolver[" + generated.getName() + ", shared " + Arrays.toString(shared.keySet().toArray()) + "]";
    }
}
