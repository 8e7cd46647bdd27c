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
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * LeNet (examples/lenet/none.hyp: conv 5×5 → 6, pool, conv 5×5 → 16, pool, 120, 84, 10, tanh, softmax
 * cross-entropy) on a batch of {@value #BATCH} images, one thread: the loss and its gradient in the weights as
 * training takes them, written in the per-example form {@code mean(map(nll, X, Y))} (batched code) and as the
 * loop {@code for i in 0..n { s = s + nll(X[i], Y[i]) }}, compiled both one image at a time
 * ({@code hyp.batchLoops=false}) and as the compiler compiles it by default (recognised as a reduction and batched),
 * plus the batched Hessian-vector product (tangent of the adjoint) in the weights. {@code bench/peer/lenet_torch.py} times the same network in
 * PyTorch; {@link Compare} prints per-image times and GFLOP/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:-DontCompileHugeMethods"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LeNetBench {
    static final int BATCH = 128;
    /**
     * Multiply-adds ×2 per image of the forward pass: conv1 6·24·24·25, conv2 16·8·8·150, dense 120·256, 84·120,
     * 10·84. The gradient in the weights adds the filter adjoints of both convolutions, the input adjoint of the
     * second and both adjoints of each dense layer: about 2× the forward less conv1's input adjoint.
     */
    static final double FORWARD_FLOPS = 2.0 * (6 * 24 * 24 * 25 + 16 * 8 * 8 * 150 + 120 * 256 + 84 * 120 + 10 * 84);
    static final double GRADIENT_FLOPS = 3 * FORWARD_FLOPS - 2.0 * 6 * 24 * 24 * 25;

    private static final String LOOPED = """

            def looped_loss() -> real {
                s = 0.0
                for i in 0..n { s = s + nll(X[i], Y[i]) }
                return s / n
            }
            """;

    private Method batched, batchedGradient, batchedHvp, loopedGradient, loopBatchedGradient;
    private Object[] batchedArgs, batchedHvpArgs, loopedArgs;

    @Setup
    public void compile() throws IOException {
        Parallel.setThreads(1);
        String source = Files.readString(Path.of("examples/lenet/none.hyp")) + LOOPED;
        CheckedProgram program = Pipeline.check(new SourceFile("lenet.hyp", source));
        Function train = Pipeline.lower(program, "train_loss"), looped = rowByRow(program, "looped_loss");
        Function loopBatched = Pipeline.lower(program, "looped_loss");
        List<Function> code = new ArrayList<>();
        Function trainAdjoint = Derivatives.adjoint(train, weights(train));
        code.add(train);
        code.add(trainAdjoint);
        code.add(Derivatives.hessianVector(train, weights(train)));
        code.add(Derivatives.adjoint(looped, weights(looped)));
        code.add(Derivatives.adjoint(new Function("loop_batched", loopBatched.paramNames(), loopBatched.body()),
                weights(loopBatched)));
        String name = "hyp.generated.LeNetBench";
        Class<?> c = new GeneratedClassLoader(getClass().getClassLoader()).define(name, BytecodeBackend.compile(name, code));
        batched = Invoker.find(c, "train_loss");
        batchedGradient = Invoker.find(c, "train_loss_vjp");
        batchedHvp = Invoker.find(c, "train_loss_vjp_jvp");
        loopedGradient = Invoker.find(c, "looped_loss_vjp");
        loopBatchedGradient = Invoker.find(c, "loop_batched_vjp");

        Random random = new Random(128);
        Map<String, Tensor> values = new HashMap<>();
        Tensor x = Tensor.zeros(BATCH, 784), y = Tensor.zeros(BATCH, 10);
        for (int i = 0; i < x.data.length; i++) x.data[i] = random.nextDouble();
        for (int i = 0; i < BATCH; i++) y.data[i * 10 + random.nextInt(10)] = 1;
        values.put("X", x);
        values.put("Y", y);
        int[][] shapes = {{6, 1, 5, 5}, {6}, {16, 6, 5, 5}, {16}, {120, 256}, {120}, {84, 120}, {84}, {10, 84}, {10}};
        String[] names = {"W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4", "W5", "b5"};
        Map<String, Tensor> direction = new HashMap<>();
        for (int k = 0; k < names.length; k++) {
            values.put(names[k], GradientCostBench.gaussian(random, 0.1, shapes[k]));
            direction.put(names[k], GradientCostBench.gaussian(random, 1, shapes[k]));
        }
        batchedArgs = args(train, values);
        List<Object> hvp = new ArrayList<>(List.of(batchedArgs));
        hvp.add(1.0);
        for (String p : train.paramNames()) if (direction.containsKey(p)) hvp.add(direction.get(p));
        batchedHvpArgs = hvp.toArray();
        loopedArgs = args(looped, values);
    }

    /** The def with its loops kept as loops, one image per trip (the reduction-loop pass switched off). */
    private static Function rowByRow(CheckedProgram program, String def) {
        System.setProperty("hyp.batchLoops", "false");
        try {
            return Pipeline.lower(program, def);
        } finally {
            System.clearProperty("hyp.batchLoops");
        }
    }

    /** Derivatives in the weights only (not the images or labels), as training takes them. */
    private static boolean[] weights(Function f) {
        boolean[] wrt = new boolean[f.params().size()];
        for (int i = 0; i < wrt.length; i++) wrt[i] = !f.paramNames().get(i).equals("X") && !f.paramNames().get(i).equals("Y");
        return wrt;
    }

    private static Object[] args(Function f, Map<String, Tensor> values) {
        List<Object> out = new ArrayList<>();
        for (String p : f.paramNames()) out.add(values.get(p));
        return out.toArray();
    }

    private static Object[] withSeed(Object[] args) {
        Object[] full = java.util.Arrays.copyOf(args, args.length + 1);
        full[args.length] = 1.0;
        return full;
    }

    @Benchmark
    public Object batchedForward() {
        return GradientCostBench.call(batched, batchedArgs);
    }

    @Benchmark
    public Object batchedGradient() {
        return GradientCostBench.call(batchedGradient, withSeed(batchedArgs));
    }

    @Benchmark
    public Object batchedHessianVector() {
        return GradientCostBench.call(batchedHvp, batchedHvpArgs);
    }

    @Benchmark
    public Object loopedGradient() {
        return GradientCostBench.call(loopedGradient, withSeed(loopedArgs));
    }

    /** The same per-image loop as the compiler compiles it by default: recognised as a reduction and batched. */
    @Benchmark
    public Object loopBatchedGradient() {
        return GradientCostBench.call(loopBatchedGradient, withSeed(loopedArgs));
    }
}
