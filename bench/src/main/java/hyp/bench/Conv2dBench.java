package hyp.bench;

import hyp.runtime.kernels.Conv2d;
import hyp.runtime.kernels.ConvShape;
import hyp.runtime.kernels.Parallel;
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

/**
 * The two LeNet-5 convolutions (1×28×28 → 6 maps, 6×14×14 → 16 maps, 5×5 filters), forward and
 * both adjoints, on one thread, with a direct seven-loop forward pass for scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class Conv2dBench {
    @Param({"lenet1", "lenet2"})
    public String layer;

    @Param({"1", "16"})
    public int batch;

    private ConvShape s;
    private double[] x;
    private double[] w;
    private double[] y;
    private double[] dy;
    private double[] dx;
    private double[] dw;

    @Setup
    public void setUp() {
        s = layer.equals("lenet1") ? new ConvShape(batch, 1, 28, 28, 6, 5, 5)
                : new ConvShape(batch, 6, 14, 14, 16, 5, 5);
        Random rnd = new Random(3);
        x = fill(rnd, s.inputSize());
        w = fill(rnd, s.filterSize());
        dy = fill(rnd, s.outputSize());
        y = new double[s.outputSize()];
        dx = new double[s.inputSize()];
        dw = new double[s.filterSize()];
        Parallel.setThreads(1);
    }

    private static double[] fill(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() - 0.5;
        }
        return v;
    }

    @Benchmark
    public double[] forward() {
        Conv2d.forward(s, x, w, y);
        return y;
    }

    @Benchmark
    public double[] adjointInput() {
        Conv2d.adjointInput(s, dy, w, dx);
        return dx;
    }

    @Benchmark
    public double[] adjointFilter() {
        Conv2d.adjointFilter(s, dy, x, dw);
        return dw;
    }

    @Benchmark
    public double[] forwardDirectLoops() {
        int oh = s.outH();
        int ow = s.outW();
        int c = s.channels();
        int kh = s.kernelH();
        int kw = s.kernelW();
        for (int b = 0; b < s.batch(); b++) {
            for (int f = 0; f < s.filters(); f++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double acc = 0;
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    acc += w[((f * c + ch) * kh + u) * kw + v]
                                            * x[((b * c + ch) * s.height() + i + u) * s.width() + j + v];
                                }
                            }
                        }
                        y[((b * s.filters() + f) * oh + i) * ow + j] = acc;
                    }
                }
            }
        }
        return y;
    }
}
