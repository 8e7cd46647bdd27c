package hyp.bench;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import java.lang.reflect.Method;
import java.util.List;
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
 * Element-wise fusion on its own: an Adam-style update of d weights, twelve element-wise tensor ops, compiled by
 * the bytecode back end with fusion (one generated loop reading four vectors and writing one) and without it (one
 * kernel call and one new vector per op), at a size that fits in cache and one that does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-DontCompileHugeMethods"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FusionBench {
    static final String SOURCE = """
            param w: real[d] = 0
            def adam(w, m: real[d], v: real[d], g: real[d]) = w - 0.001 * (0.9 * m + 0.1 * g) / (sqrt(0.999 * v + 0.001 * g^2) + 1e-8)
            """;

    @Param({"4096", "1000000"})
    public int d;

    private Method fused, unfused;
    private Tensor w, m, v, g;

    @Setup
    public void compile() {
        List<Function> code = Pipeline.lower(Pipeline.check(new SourceFile("fusion.hyp", SOURCE)));
        fused = define("hyp.generated.Fused", code, true);
        unfused = define("hyp.generated.Unfused", code, false);
        Random random = new Random(d);
        w = gaussian(random);
        m = gaussian(random);
        v = gaussian(random);
        for (int i = 0; i < d; i++) v.data[i] = Math.abs(v.data[i]);
        g = gaussian(random);
    }

    private Method define(String name, List<Function> code, boolean fuse) {
        Class<?> c = new GeneratedClassLoader(getClass().getClassLoader()).define(name, BytecodeBackend.compile(name, code, false, fuse));
        return Invoker.find(c, "adam");
    }

    private Tensor gaussian(Random random) {
        Tensor t = Tensor.zeros(d);
        for (int i = 0; i < d; i++) t.data[i] = random.nextGaussian();
        return t;
    }

    private Object call(Method method) {
        try {
            return method.invoke(null, w, m, v, g);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public Object adamFused() {
        return call(fused);
    }

    @Benchmark
    public Object adamUnfused() {
        return call(unfused);
    }
}
