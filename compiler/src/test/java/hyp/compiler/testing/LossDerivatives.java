package hyp.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Function;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Value, gradient and Hessian-vector product of a compiled scalar def, with its inputs given by name, so that two
 * defs reading the same data and weights (a batched and a looped form of one loss) can be run at the same point.
 */
public final class LossDerivatives {
    private final Compiled code;

    public LossDerivatives(Compiled code) {
        this.code = code;
    }

    public Function function(String name) {
        return code.functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The value (under "") and the gradient in each input, by name. */
    public Map<String, Object> gradient(String def, Map<String, Object> at) {
        Function f = function(def);
        Object[] out = code.adjoint(def, args(f, at).toArray());
        Map<String, Object> byName = new HashMap<>();
        byName.put("", out[0]);
        for (int i = 0; i < f.paramNames().size(); i++) byName.put(f.paramNames().get(i), out[i + 1]);
        return byName;
    }

    /** H v in each input, by name, for the direction v given by name. */
    public Map<String, Object> hessianVector(String def, Map<String, Object> at, Map<String, Object> dir) {
        Function f = function(def);
        List<Object> in = args(f, at);
        in.add(1.0);
        in.addAll(args(f, dir));
        in.add(0.0);
        Object[] out = code.hessianVector(def, in.toArray());
        int k = f.paramNames().size();
        Map<String, Object> byName = new HashMap<>();
        for (int i = 0; i < k; i++) byName.put(f.paramNames().get(i), out[k + 2 + i]);
        return byName;
    }

    /** Adds a random value (entries scale · N(0, 1), symbolic dimensions {@code rows}) for each input of f not yet in values. */
    public static void randomInputs(Function f, Map<String, Object> values, Random rnd, double scale, int rows) {
        for (int i = 0; i < f.params().size(); i++) {
            Type t = f.params().get(i).type();
            values.computeIfAbsent(f.paramNames().get(i), k -> random(t, rnd, scale, rows));
        }
    }

    private static List<Object> args(Function f, Map<String, Object> values) {
        List<Object> out = new ArrayList<>();
        for (String name : f.paramNames()) out.add(values.get(name));
        return out;
    }

    public static Map<String, Object> shifted(Map<String, Object> at, Map<String, Object> dir, double h) {
        Map<String, Object> out = new HashMap<>();
        for (String name : at.keySet()) out.put(name, combine(at.get(name), dir.get(name), 1, h));
        return out;
    }

    public static Object combine(Object a, Object b, double ka, double kb) {
        if (a instanceof Double x) return ka * x + kb * (Double) b;
        Tensor x = (Tensor) a, y = (Tensor) b;
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) r[i] = ka * x.data[i] + kb * y.data[i];
        return new Tensor(r, x.shape.clone());
    }

    private static Object random(Type t, Random rnd, double scale, int rows) {
        if (t.isReal()) return scale * rnd.nextGaussian();
        List<Dim> dims = ((Type.Tensor) t).dims();
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) shape[k] = dims.get(k).symbolic() ? rows : dims.get(k).size();
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.data.length; i++) x.data[i] = scale * rnd.nextGaussian();
        return x;
    }

    /** Entry-wise agreement relative to the largest entry of the expected value (at least 1e-3). */
    public static void assertClose(Object expected, Object actual, double tol, String what) {
        double[] e = expected instanceof Double d ? new double[] {d} : ((Tensor) expected).data;
        double[] a = actual instanceof Double d ? new double[] {d} : ((Tensor) actual).data;
        assertEquals(e.length, a.length, what);
        double scale = 1e-300, err = 0;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            err = Math.max(err, Math.abs(e[i] - a[i]));
        }
        assertTrue(err <= tol * Math.max(scale, 1e-3), what + ": error " + err + " at scale " + scale);
    }
}
