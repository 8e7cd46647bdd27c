package hyp.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The element-wise tensor ops of two builds of the runtime side by side in one JVM, for a machine too loaded for
 * JMH's wall-clock times to compare: each build's jar in a class loader of its own, every op of both run first
 * (so shared loops are profiled with all their callers), then blocks of calls alternating between the builds,
 * each timed in this thread's CPU time; prints the median of 15 blocks per op and size.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * hyp.bench.TensorMathAcrossBuilds OLD-runtime.jar NEW-runtime.jar}
 */
public final class TensorMathAcrossBuilds {
    private TensorMathAcrossBuilds() {}

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Side(String name, MethodHandle[] ops, Object[][] args) {}

    private static final String[] NAMES = {"add(T,T)", "sub(d,T)", "mul(T,d)", "max(T,T)", "pow(T,d)",
        "geMask(T,T)", "relu(T)", "neg(T)", "exp(T)", "cmul(CT,CT)", "cadd(C,CT)", "cexp(CT)"};
    /** From this index on, the ops are complex ones, about ten times slower: fewer calls per block. */
    private static final int FIRST_COMPLEX = 9;

    private static Side side(String jar, int n) throws Exception {
        URL[] path = {Path.of(jar).toUri().toURL()};
        ClassLoader l = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
        Class<?> T = l.loadClass("hyp.runtime.Tensor"), TM = l.loadClass("hyp.runtime.ops.TensorMath");
        Class<?> C = l.loadClass("hyp.runtime.complex.Complex");
        Class<?> CT = l.loadClass("hyp.runtime.complex.ComplexTensor");
        Class<?> CTM = l.loadClass("hyp.runtime.complex.ComplexTensorMath");
        MethodHandles.Lookup lk = MethodHandles.publicLookup();
        Random r = new Random(n);
        Object x = T.getMethod("zeros", int[].class).invoke(null, (Object) new int[] {n});
        Object y = T.getMethod("zeros", int[].class).invoke(null, (Object) new int[] {n});
        double[] xd = (double[]) T.getField("data").get(x), yd = (double[]) T.getField("data").get(y);
        for (int i = 0; i < n; i++) {
            xd[i] = 0.5 + r.nextDouble();
            yd[i] = r.nextGaussian();
        }
        Object cx = CT.getMethod("fromReal", T).invoke(null, x), cy = CT.getMethod("fromReal", T).invoke(null, y);
        Object c = C.getConstructor(double.class, double.class).newInstance(0.5, 1e-20);
        MethodHandle[] ops = {
            lk.findStatic(TM, "add", MethodType.methodType(T, T, T)),
            lk.findStatic(TM, "sub", MethodType.methodType(T, double.class, T)),
            lk.findStatic(TM, "mul", MethodType.methodType(T, T, double.class)),
            lk.findStatic(TM, "max", MethodType.methodType(T, T, T)),
            lk.findStatic(TM, "pow", MethodType.methodType(T, T, double.class)),
            lk.findStatic(TM, "geMask", MethodType.methodType(T, T, T)),
            lk.findStatic(TM, "relu", MethodType.methodType(T, T)),
            lk.findStatic(TM, "neg", MethodType.methodType(T, T)),
            lk.findStatic(TM, "exp", MethodType.methodType(T, T)),
            lk.findStatic(CTM, "mul", MethodType.methodType(CT, CT, CT)),
            lk.findStatic(CTM, "add", MethodType.methodType(CT, C, CT)),
            lk.findStatic(CTM, "exp", MethodType.methodType(CT, CT)),
        };
        Object[][] args = {{x, y}, {2.0, y}, {x, 0.5}, {x, y}, {x, 3.0}, {x, y}, {y}, {y}, {y}, {cx, cy}, {c, cy},
            {cy}};
        MethodType erased = MethodType.methodType(Object.class, Object[].class);
        for (int i = 0; i < ops.length; i++) ops[i] = ops[i].asSpreader(Object[].class, args[i].length).asType(erased);
        return new Side(jar, ops, args);
    }

    private static Object sink;

    private static long block(Side s, int op, int calls) throws Throwable {
        MethodHandle h = s.ops[op];
        Object[] a = s.args[op];
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int k = 0; k < calls; k++) sink = h.invokeExact(a);
        return CPU.getCurrentThreadCpuTime() - t0;
    }

    public static void main(String[] argv) throws Throwable {
        int blocks = 15;
        for (int n : new int[] {16, 4096}) {
            Side before = side(argv[0], n), after = side(argv[1], n);
            int calls = n == 16 ? 20000 : 500;
            for (int w = 0; w < 3; w++) {
                for (int op = 0; op < NAMES.length; op++) {
                    block(before, op, calls);
                    block(after, op, calls);
                }
            }
            for (int op = 0; op < NAMES.length; op++) {
                int c = op >= FIRST_COMPLEX ? calls / 10 : calls;
                double[] b = new double[blocks], a = new double[blocks];
                for (int k = 0; k < blocks; k++) {
                    b[k] = block(before, op, c) / (double) c;
                    a[k] = block(after, op, c) / (double) c;
                }
                Arrays.sort(b);
                Arrays.sort(a);
                double old = b[blocks / 2], now = a[blocks / 2];
                System.out.printf("%-12s n=%-5d before %10.1f ns  after %10.1f ns  after/before %.2f%n",
                        NAMES[op], n, old, now, now / old);
            }
        }
    }
}
