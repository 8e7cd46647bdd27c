package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;
import java.util.Map;

/**
 * The default {@link Primitive#complexEmission}: the real emission with each runtime class replaced by its
 * complex counterpart in {@code hyp.runtime.complex} (same method name), and each JVM operator on reals by the
 * {@code ComplexOps} method named after it. Operations that touch no real value (ints, bools, a new tape) keep
 * their real emission.
 */
final class ComplexEmissions {
    private ComplexEmissions() {}

    static final String OPS = "hyp.runtime.complex.ComplexOps";

    private static final Map<String, String> OWNERS = Map.of(
            Emission.MATH, OPS,
            Emission.SCALARS, OPS,
            Emission.TENSOR_MATH, "hyp.runtime.complex.ComplexTensorMath",
            Emission.REDUCTIONS, "hyp.runtime.complex.ComplexReductions",
            Emission.PRODUCTS, "hyp.runtime.complex.ComplexProducts",
            Emission.SHAPES, "hyp.runtime.complex.ComplexShapes",
            Emission.INDEXING, "hyp.runtime.complex.ComplexIndexing",
            Emission.IMAGES, "hyp.runtime.complex.ComplexImages",
            Emission.ROWS, "hyp.runtime.complex.ComplexRows",
            Emission.TAPE, "hyp.runtime.complex.ComplexTapes");

    private static final Map<String, String> OPERATORS = Map.of("+", "add", "-", "sub", "*", "mul", "/", "div");

    private static final Map<String, String> COMPARISONS =
            Map.of("<", "lt", "<=", "le", ">", "gt", ">=", "ge", "==", "eq", "!=", "ne");

    static Emission mirror(Primitive p, List<Type> args, Object attr) {
        Emission real = p.emission(args, attr);
        if (!touchesReals(p, args, attr)) return real;
        if (real instanceof Emission.Infix i) return new Emission.Call(OPS, named(OPERATORS, i.symbol(), p));
        if (real instanceof Emission.Prefix x && x.symbol().equals("-")) return new Emission.Call(OPS, "neg");
        if (real instanceof Emission.Compare c) return new Emission.Call(OPS, named(COMPARISONS, c.symbol(), p));
        if (real instanceof Emission.IntToReal) return new Emission.Call(OPS, "fromInt");
        if (real instanceof Emission.Call c) return new Emission.Call(named(OWNERS, c.owner(), p), c.method(), c.constants());
        if (real instanceof Emission.CallWithArray c) return new Emission.CallWithArray(named(OWNERS, c.owner(), p), c.method());
        throw unsupported(p, real.toString());
    }

    /** Whether an argument or the result is real-valued, and so complex in complex-step code. */
    private static boolean touchesReals(Primitive p, List<Type> args, Object attr) {
        if (args.stream().anyMatch(Type::differentiable)) return true;
        try {
            return p.resultType(args, attr).differentiable();
        } catch (ShapeError e) {
            throw new IllegalArgumentException(p.name() + " cannot take " + args + ": " + e.getMessage(), e);
        }
    }

    private static String named(Map<String, String> names, String key, Primitive p) {
        String name = names.get(key);
        if (name == null) throw unsupported(p, key);
        return name;
    }

    private static UnsupportedOperationException unsupported(Primitive p, String what) {
        return new UnsupportedOperationException("no complex version of " + what + " (primitive " + p.name()
                + "): override Primitive.complexEmission");
    }
}
