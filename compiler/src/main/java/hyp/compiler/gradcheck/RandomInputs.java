package hyp.compiler.gradcheck;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random arguments for a def: each symbolic dimension gets one small random size (1 to {@value #MAX_SIZE}) used
 * wherever it appears; reals and tensor entries are standard normal, ints 0 to {@value #MAX_INT}, bools either
 * way. Data, params and hypers are plain parameters of the lowered def, so they are drawn the same way.
 *
 * <p>Every other attempt draws positive reals instead (0.1 + |N(0, 1)|), so that defs whose logarithms or square
 * roots need positive inputs still find points where they are defined.
 */
public final class RandomInputs {
    public static final int MAX_SIZE = 4;
    public static final int MAX_INT = 4;

    private RandomInputs() {}

    /** One argument per parameter of {@code f}; {@code attempt} counts the draws made for this point so far. */
    public static List<Object> draw(Function f, Random random, int attempt) {
        boolean positive = attempt % 2 == 1;
        Map<String, Integer> sizes = new HashMap<>();
        List<Object> args = new ArrayList<>();
        for (Var p : f.params()) args.add(value(p.type(), random, positive, sizes));
        return args;
    }

    /** A standard normal value shaped like {@code like} (a Double or a Tensor). */
    public static Object gaussianLike(Object like, Random random) {
        if (like instanceof Tensor t) {
            Tensor r = Tensor.zeros(t.shape);
            for (int i = 0; i < r.size(); i++) r.data[i] = random.nextGaussian();
            return r;
        }
        return random.nextGaussian();
    }

    private static Object value(Type t, Random random, boolean positive, Map<String, Integer> sizes) {
        if (t.isReal()) return real(random, positive);
        if (t.isInt()) return random.nextInt(MAX_INT + 1);
        if (t.isBool()) return random.nextBoolean();
        if (!(t instanceof Type.Tensor tt)) throw new IllegalArgumentException("no random value of type " + t);
        int[] shape = new int[tt.rank()];
        for (int k = 0; k < shape.length; k++) {
            Dim d = tt.dims().get(k);
            shape[k] = d.symbolic() ? sizes.computeIfAbsent(d.name(), n -> 1 + random.nextInt(MAX_SIZE)) : d.size();
        }
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.size(); i++) x.data[i] = real(random, positive);
        return x;
    }

    private static double real(Random random, boolean positive) {
        double g = random.nextGaussian();
        return positive ? 0.1 + Math.abs(g) : g;
    }
}
