package hyp.spark;

import hyp.compiler.build.ClassNames;
import hyp.compiler.build.ModelCompiler;
import hyp.runtime.Tensor;
import hyp.runtime.data.CsvReader;
import hyp.runtime.embed.Solver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One local Spark for the module's tests ({@code local[2,4]}: two cores, a failed task tried up to four times), the
 * models compiled once to jars as {@code hyp compile} writes them, and the examples' data sets.
 */
final class SparkFixture {
    private static SparkSession spark;
    private static Path jars;
    private static final Map<String, Path> MODELS = new ConcurrentHashMap<>();

    private SparkFixture() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2,4]").appName("hyp-spark-test")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
        }
        return spark;
    }

    static JavaSparkContext jsc() {
        return JavaSparkContext.fromSparkContext(spark().sparkContext());
    }

    /** The model jar of a .hyp file (path from the module folder), compiled once. */
    static synchronized Path jar(String hyp) {
        return MODELS.computeIfAbsent(hyp, h -> {
            try {
                if (jars == null) jars = Files.createTempDirectory("hyp-spark-models");
                Path file = Path.of(h);
                var model = ModelCompiler.compile(file);
                Path jar = jars.resolve(file.getFileName().toString().replace(".hyp", ".jar"));
                model.writeJar(jar);
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String className(String hyp) {
        return ClassNames.forFile(Path.of(hyp));
    }

    /** The distributed solver of a model, its jar shipped to the executors. */
    static SparkSolver sparkSolver(String hyp) {
        return SparkSolver.load(spark(), jar(hyp), className(hyp));
    }

    /** The single-machine solver of the same jar. */
    static Solver localSolver(String hyp) {
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar(hyp).toUri().toURL()}, Solver.class.getClassLoader());
            return Solver.load(Class.forName(className(hyp), true, loader));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Tensor csv(String path) {
        try {
            return CsvReader.STRICT.readMatrix(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column read as a vector. */
    static Tensor vector(String path) {
        Tensor t = csv(path);
        return new Tensor(t.data.clone(), t.data.length);
    }

    /** Rows of X (columns x0 … x(d−1)) and y (column label), in order, in {@code partitions} contiguous slices. */
    static Dataset<Row> rows(Tensor x, Tensor y, int partitions) {
        int n = x.shape[0], d = x.shape[1];
        List<StructField> fields = new ArrayList<>();
        for (int j = 0; j < d; j++) fields.add(DataTypes.createStructField("x" + j, DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] r = new Object[d + 1];
            for (int j = 0; j < d; j++) r[j] = x.data[i * d + j];
            r[d] = y.data[i];
            rows.add(RowFactory.create(r));
        }
        return spark().createDataFrame(jsc().parallelize(rows, partitions), DataTypes.createStructType(fields));
    }

    static StructType schemaOf(Dataset<Row> rows) {
        return rows.schema();
    }

    /** max |a − b| / max |b|. */
    static double relative(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }
}
