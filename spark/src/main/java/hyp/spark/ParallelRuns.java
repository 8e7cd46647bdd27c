package hyp.spark;

import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The second mode: independent tuning runs as Spark tasks, one task per run, each running the embedded
 * {@link Solver}'s tune statement on its own data and starting λ (several starts, seeds as data, or
 * cross-validation folds), the results collected and the best chosen by validation loss after tuning. Each
 * run's result is what the same {@link Solver} calls give on one machine, bit for bit.
 */
public final class ParallelRuns {
    private ParallelRuns() {}

    /** One run: its label, the data it binds and the hypers it starts from (others as declared). */
    public record Run(String label, Map<String, Tensor> data, Map<String, Tensor> hypers) {
        public Run {
            Objects.requireNonNull(label, "Run: label must not be null");
            data = Map.copyOf(data);
            hypers = Map.copyOf(hypers);
        }
    }

    /** A run's outcome: λ before and after, the validation loss at each (after the train statement's full run). */
    public record Result(String label, double[] start, double[] tuned, double lossBefore, double lossAfter) implements Serializable {}

    /** The runs' results in the order given, and the best (lowest validation loss after tuning). */
    public record Results(List<Result> all, Result best) implements Serializable {}

    /** Runs each of {@code runs} as one task on the model in {@code modelJar} ({@code hyp compile}), shipped to the executors. */
    public static Results tune(SparkSession spark, Path modelJar, String className, List<Run> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("ParallelRuns.tune: no runs given");
        spark.sparkContext().addJar(modelJar.toAbsolutePath().toString());
        List<Task> tasks = new ArrayList<>();
        for (Run r : runs) tasks.add(new Task(className, r.label(), values(r.data()), values(r.hypers())));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Result> all = sc.parallelize(tasks, tasks.size()).map(Task::run).collect();
        Result best = all.stream().min(Comparator.comparingDouble(Result::lossAfter)).orElseThrow();
        return new Results(List.copyOf(all), best);
    }

    private static Map<String, Values> values(Map<String, Tensor> m) {
        Map<String, Values> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Values.of(v)));
        return out;
    }

    /** What one task runs: the model bound to its data and start, tuned by the file's tune statement. */
    private record Task(String className, String label, Map<String, Values> data, Map<String, Values> hypers) implements Serializable {
        Result run() {
            Solver s = Solver.load(ModelContext.load(className));
            data.forEach((name, v) -> s.data(name, v.tensor()));
            hypers.forEach((name, v) -> s.hyper(name, v.tensor()));
            double[] start = s.hyperVector();
            TuningResult r = s.tune(TuningListener.NONE);
            return new Result(label, start, r.hyper(), s.validationLoss(start), s.validationLoss(r.hyper()));
        }
    }
}
