package hyp.bench;

import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import hyp.runtime.complex.ComplexTensorMath;
import hyp.runtime.ops.TensorMath;
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
 * The element-wise tensor ops generated code calls when it does not fuse (one call, one new tensor per op): each
 * shape of {@code TensorMath} (tensor ∘ tensor, scalar ∘ tensor, tensor ∘ scalar, unary; on SIMD kernels or as
 * scalar loops) and of {@code ComplexTensorMath}, at a size where the call costs as much as the loop and at one
 * where the loop dominates. The setup first runs every op, so that each measured op runs with the profiles a
 * program using many ops leaves behind (a loop shared by several ops is then seen by the JIT with all of them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TensorMathBench {
    @Param({"16", "4096"})
    public int n;

    private Tensor x, y;
    private ComplexTensor cx, cy;
    private final Complex c = new Complex(0.5, 1e-20);

    @Setup
    public void setUp() {
        Random rnd = new Random(n);
        x = Tensor.zeros(n);
        y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            x.data[i] = 0.5 + rnd.nextDouble();
            y.data[i] = rnd.nextGaussian();
        }
        cx = ComplexTensor.fromReal(x);
        cy = ComplexTensor.fromReal(y);
        for (int round = 0; round < 20_000; round++) {
            addTensors();
            subScalarTensor();
            mulTensorScalar();
            maxTensors();
            powTensorScalar();
            geMaskTensors();
            relu();
            neg();
            exp();
            TensorMath.div(x, y);
            TensorMath.min(1.0, y);
            TensorMath.leMask(x, 0.0);
            TensorMath.pow(x, y);
            TensorMath.sign(y);
            TensorMath.sqrt(x);
            complexMulTensors();
            complexAddScalarTensor();
            complexExp();
            ComplexTensorMath.sub(cx, c);
            ComplexTensorMath.tanh(cy);
        }
    }

    @Benchmark
    public Tensor addTensors() {
        return TensorMath.add(x, y);
    }

    @Benchmark
    public Tensor subScalarTensor() {
        return TensorMath.sub(2.0, y);
    }

    @Benchmark
    public Tensor mulTensorScalar() {
        return TensorMath.mul(x, 0.5);
    }

    @Benchmark
    public Tensor maxTensors() {
        return TensorMath.max(x, y);
    }

    @Benchmark
    public Tensor powTensorScalar() {
        return TensorMath.pow(x, 3.0);
    }

    @Benchmark
    public Tensor geMaskTensors() {
        return TensorMath.geMask(x, y);
    }

    @Benchmark
    public Tensor relu() {
        return TensorMath.relu(y);
    }

    @Benchmark
    public Tensor neg() {
        return TensorMath.neg(y);
    }

    @Benchmark
    public Tensor exp() {
        return TensorMath.exp(y);
    }

    @Benchmark
    public ComplexTensor complexMulTensors() {
        return ComplexTensorMath.mul(cx, cy);
    }

    @Benchmark
    public ComplexTensor complexAddScalarTensor() {
        return ComplexTensorMath.add(c, cy);
    }

    @Benchmark
    public ComplexTensor complexExp() {
        return ComplexTensorMath.exp(cy);
    }
}
