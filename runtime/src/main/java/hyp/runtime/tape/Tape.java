package hyp.runtime.tape;

import hyp.runtime.Tensor;
import java.util.Arrays;

/**
 * The stack that adjoint code keeps between its forward and reverse sweeps: the values loops overwrite, pushed in
 * the forward sweep and popped in reverse. Primitive arrays that grow by doubling, so a loop of 10^6 trips costs
 * no boxing. Generated code calls the static methods; push returns the tape so code can thread it as a value.
 */
public final class Tape {
    private double[] reals = new double[16];
    private int realTop;
    private int[] ints = new int[16];
    private int intTop;
    private Tensor[] tensors = new Tensor[16];
    private int tensorTop;
    /** Payload bytes of the tensors held (references are shared, but a tensor on the tape is kept alive by it). */
    private long tensorBytes;
    private long peakBytes;
    private int peakEntries;

    public static Tape create() {
        Tape t = new Tape();
        TapeRecording.created(t);
        return t;
    }

    public static Tape pushReal(Tape t, double v) {
        if (t.realTop == t.reals.length) t.reals = Arrays.copyOf(t.reals, t.reals.length * 2);
        t.reals[t.realTop++] = v;
        t.measure();
        return t;
    }

    public static double popReal(Tape t) {
        if (t.realTop == 0) throw underflow("real");
        return t.reals[--t.realTop];
    }

    public static Tape pushInt(Tape t, int v) {
        if (t.intTop == t.ints.length) t.ints = Arrays.copyOf(t.ints, t.ints.length * 2);
        t.ints[t.intTop++] = v;
        t.measure();
        return t;
    }

    public static int popInt(Tape t) {
        if (t.intTop == 0) throw underflow("int");
        return t.ints[--t.intTop];
    }

    /** Bools share the int stack. */
    public static Tape pushBool(Tape t, boolean v) {
        return pushInt(t, v ? 1 : 0);
    }

    public static boolean popBool(Tape t) {
        return popInt(t) != 0;
    }

    /** Tensors are immutable by convention in generated code, so the reference itself is kept. */
    public static Tape pushTensor(Tape t, Tensor v) {
        if (t.tensorTop == t.tensors.length) t.tensors = Arrays.copyOf(t.tensors, t.tensors.length * 2);
        t.tensors[t.tensorTop++] = v;
        t.tensorBytes += v == null ? 0 : 8L * v.data.length;
        t.measure();
        return t;
    }

    public static Tensor popTensor(Tape t) {
        if (t.tensorTop == 0) throw underflow("tensor");
        Tensor v = t.tensors[--t.tensorTop];
        t.tensors[t.tensorTop] = null;
        t.tensorBytes -= v == null ? 0 : 8L * v.data.length;
        return v;
    }

    /** Entries currently held. */
    public int size() {
        return realTop + intTop + tensorTop;
    }

    /** The largest number of bytes held at once: entries plus the payloads of the tensors held. */
    public long peakBytes() {
        return peakBytes;
    }

    /** The largest number of entries held at once. */
    public int peakEntries() {
        return peakEntries;
    }

    private long bytes() {
        return 8L * realTop + 4L * intTop + 8L * tensorTop + tensorBytes;
    }

    private void measure() {
        long b = bytes();
        if (b > peakBytes) peakBytes = b;
        int n = size();
        if (n > peakEntries) peakEntries = n;
    }

    private static IllegalStateException underflow(String kind) {
        return new IllegalStateException("tape underflow: reverse sweep popped a " + kind + " the forward sweep never pushed");
    }
}
