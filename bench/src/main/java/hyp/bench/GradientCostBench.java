package hyp.bench;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Derivatives;
import hyp.runtime.Tensor;
import hyp.runtime.kernels.Parallel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of generated derivative code relative to the forward evaluation it differentiates, one thread: the
 * adjoint gradient and the Hessian-vector product (tangent of the adjoint) of the logistic loss at n = 2000,
 * d = 200, and of a two-layer tanh network with 256 hidden units on the same data. Gradients are taken with
 * respect to the parameters (w and rho; W1 and w2), not the data, as training and tuning take them.
 *
 * <p>Calls are timed one by one ({@link Mode#SampleTime}) and {@link Compare} reports their median, which other
 * processes on the machine disturb less than the mean.
 *
 * <p>The .hyp source is compiled in the setup exactly as the hyp command compiles it: front end, derivative
 * transformations, then the bytecode back end, which fuses element-wise chains. {@link GradientCostUnfusedBench}
 * measures the same code without fusion and {@link GradientCostScalarBench} the scalar code path this replaced
 * (plain loops in the tensor ops, no fusion).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-DontCompileHugeMethods"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientCostBench {
    static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -1
            param W1: real[d, h] = 0
            param w2: real[h] = 0
            def logistic(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def net(W1, w2) = 0.5 * mean((tanh(X @ W1) @ w2 - y)^2)
            """;
    static final int N = 2000, D = 200, H = 256;

    private Method logistic, logisticGradient, logisticHvp, net, netGradient, netHvp;
    private Tensor x, y, w, rho, dw, drho, w1, w2, dw1, dw2;

    @Setup
    public void compile() {
        Parallel.setThreads(1);
        boolean fuse = !Boolean.getBoolean("hyp.ops.reference") && !"false".equals(System.getProperty("hyp.bench.fuse"));
        CheckedProgram program = Pipeline.check(new SourceFile("gradient_cost.hyp", SOURCE));
        List<Function> code = new ArrayList<>();
        for (Function f : Pipeline.lower(program)) {
            // parameters first, then the data the def reads (X, y); derivatives in the first two only
            boolean[] params = new boolean[f.params().size()];
            params[0] = params[1] = true;
            code.add(f);
            Function adjoint = Derivatives.adjoint(f, params);
            code.add(adjoint);
            code.add(Derivatives.tangent(adjoint, java.util.Arrays.copyOf(params, adjoint.params().size())));
        }
        String name = "hyp.generated.GradientCost";
        Class<?> c = new GeneratedClassLoader(getClass().getClassLoader())
                .define(name, BytecodeBackend.compile(name, code, false, fuse));
        logistic = Invoker.find(c, "logistic");
        logisticGradient = Invoker.find(c, "logistic_vjp");
        logisticHvp = Invoker.find(c, "logistic_vjp_jvp");
        net = Invoker.find(c, "net");
        netGradient = Invoker.find(c, "net_vjp");
        netHvp = Invoker.find(c, "net_vjp_jvp");

        Random random = new Random(2000);
        x = gaussian(random, 1 / Math.sqrt(D), N, D);
        y = gaussian(random, 1, N);
        for (int i = 0; i < N; i++) y.data[i] = y.data[i] > 0 ? 1 : -1;
        w = gaussian(random, 0.1, D);
        rho = gaussian(random, 0.5, D);
        dw = gaussian(random, 1, D);
        drho = gaussian(random, 1, D);
        w1 = gaussian(random, 1 / Math.sqrt(D), D, H);
        w2 = gaussian(random, 1 / Math.sqrt(H), H);
        dw1 = gaussian(random, 1, D, H);
        dw2 = gaussian(random, 1, H);
    }

    static Tensor gaussian(Random random, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = scale * random.nextGaussian();
        return t;
    }

    static Object call(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(m.getName() + " failed", e);
        }
    }

    @Benchmark
    public Object logisticForward() {
        return call(logistic, w, rho, x, y);
    }

    /** (loss, ∂/∂w, ∂/∂rho) at ybar = 1. */
    @Benchmark
    public Object logisticGradient() {
        return call(logisticGradient, w, rho, x, y, 1.0);
    }

    /** The tangent of the gradient along (dw, drho): the Hessian-vector product in both. */
    @Benchmark
    public Object logisticHessianVector() {
        return call(logisticHvp, w, rho, x, y, 1.0, dw, drho);
    }

    @Benchmark
    public Object netForward() {
        return call(net, w1, w2, x, y);
    }

    @Benchmark
    public Object netGradient() {
        return call(netGradient, w1, w2, x, y, 1.0);
    }

    @Benchmark
    public Object netHessianVector() {
        return call(netHvp, w1, w2, x, y, 1.0, dw1, dw2);
    }
}
