package hyp.bench;

import hyp.runtime.kernels.MatMul;
import hyp.runtime.kernels.Parallel;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

/** Square C = A·B: our packed kernel against a textbook triple loop and EJML, one thread each. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 1)
public class MatMulBench {
    @Param("512")
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;
    private DMatrixRMaj ma;
    private DMatrixRMaj mb;
    private DMatrixRMaj mc;
    private int allThreads;

    @Setup
    public void setUp() {
        Random rnd = new Random(2);
        a = new double[n * n];
        b = new double[n * n];
        c = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = rnd.nextDouble() - 0.5;
            b[i] = rnd.nextDouble() - 0.5;
        }
        ma = new DMatrixRMaj(n, n, true, a);
        mb = new DMatrixRMaj(n, n, true, b);
        mc = new DMatrixRMaj(n, n);
        allThreads = Runtime.getRuntime().availableProcessors();
    }

    @Benchmark
    public double[] ours() {
        Parallel.setThreads(1);
        MatMul.multiply(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public double[] oursTransA() {
        Parallel.setThreads(1);
        MatMul.multiplyTransA(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public double[] oursTransB() {
        Parallel.setThreads(1);
        MatMul.multiplyTransB(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public double[] oursAllThreads() {
        Parallel.setThreads(allThreads);
        MatMul.multiply(a, b, c, n, n, n);
        return c;
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ma, mb, mc);
        return mc;
    }

    @Benchmark
    public double[] tripleLoop() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
