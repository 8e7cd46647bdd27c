package hyp.bench;

import hyp.runtime.kernels.Blas1;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Level-1 kernels against the loops a programmer would write by hand. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class Blas1Bench {
    @Param("4096")
    public int n;

    private double[] x;
    private double[] y;
    /** Small, so that y barely drifts over millions of axpy calls. */
    private final double alpha = 1e-9;

    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
            y[i] = rnd.nextDouble();
        }
    }

    @Benchmark
    public double dotSimd() {
        return Blas1.dot(x, y, n);
    }

    @Benchmark
    public double dotScalar() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Benchmark
    public double[] axpySimd() {
        Blas1.axpy(alpha, x, y, n);
        return y;
    }

    @Benchmark
    public double[] axpyScalar() {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
        return y;
    }
}
