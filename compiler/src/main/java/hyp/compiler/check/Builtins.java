package hyp.compiler.check;

import hyp.compiler.diag.Diagnostics;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The functions every .hyp file can call, with their arities and how each maps to primitives: the one-argument
 * functions are the primitives with a surface name; the others are resolved here from their arguments.
 */
final class Builtins {
    private Builtins() {}

    private static final Set<String> OTHERS = Set.of("max", "min", "outer", "zeros", "ones", "fill", "conv2d", "reshape", "flatten");

    /** Also the derivative built-ins (grad, jvp, vjp, hvp), checked by {@link DerivativeCalls}, and map ({@link MapCalls}). */
    static boolean isBuiltin(String name) {
        return Prims.BY_SURFACE_NAME.containsKey(name) || OTHERS.contains(name) || DerivativeCalls.isDerivative(name)
                || name.equals(MapCalls.NAME);
    }

    static Type check(ExprChecker ec, Expr.Call c, List<Expr> args, Diagnostics diagnostics) {
        String name = c.callee().name();
        Primitive one = Prims.BY_SURFACE_NAME.get(name);
        if (one != null) {
            if (args.size() != 1) return arity(ec, c, "1 argument", args.size());
            return prim(ec, c, one, args);
        }
        switch (name) {
            case "max":
            case "min":
                if (args.size() == 2) return prim(ec, c, name.equals("max") ? Prims.MAX : Prims.MIN, args);
                if (args.size() == 1 && name.equals("max")) return prim(ec, c, Prims.REDUCE_MAX, args);
                return arity(ec, c, name.equals("max") ? "1 or 2 arguments" : "2 arguments", args.size());
            case "outer":
                if (args.size() != 2) return arity(ec, c, "2 arguments", args.size());
                return prim(ec, c, Prims.OUTER, args);
            case "conv2d":
                if (args.size() != 2) return arity(ec, c, "2 arguments (an image and filters)", args.size());
                return prim(ec, c, Prims.CONV2D, args);
            case "reshape":
            case "flatten":
                return Reshapes.check(ec, c, args);
            default:
                return fill(ec, c, args);
        }
    }

    private static Type prim(ExprChecker ec, Expr.Call c, Primitive p, List<Expr> args) {
        List<Type> types = new ArrayList<>();
        for (Expr a : args) {
            Type t = ec.check(a);
            if (t == null) return null;
            types.add(t);
        }
        // Functions of reals accept ints: 1-argument math like exp(2) means exp(2.0).
        if (p != Prims.SIZE && args.size() == 1 && types.get(0).isInt()) {
            types.set(0, Type.REAL);
            ec.markReal(args.get(0));
        }
        Type result = ec.apply(c, p, args, types);
        if (result != null) ec.resolve(c, new Callee.Prim(p));
        return result;
    }

    /** zeros(n, d), ones(d), fill(v, n): sizes are dimension names or literals, so the type is known statically. */
    private static Type fill(ExprChecker ec, Expr.Call c, List<Expr> args) {
        String name = c.callee().name();
        boolean valued = name.equals("fill");
        int sizes = args.size() - (valued ? 1 : 0);
        if (sizes < 1 || sizes > 3) return arity(ec, c, valued ? "a value and 1 to 3 sizes" : "1 to 3 sizes", args.size());
        if (valued && !ec.expect(args.get(0), Type.REAL, "the fill value")) return null;
        List<Dim> dims = new ArrayList<>();
        for (Expr a : args.subList(valued ? 1 : 0, args.size())) {
            Dim d = ec.sizeOf(a);
            if (d == null) return null;
            dims.add(d);
        }
        Type.Tensor type = new Type.Tensor(dims);
        Double value = valued ? null : (name.equals("ones") ? 1.0 : 0.0);
        ec.resolve(c, new Callee.Fill(value, type));
        return type;
    }

    private static Type arity(ExprChecker ec, Expr.Call c, String wanted, int got) {
        return ec.fail(c, "'" + c.callee().name() + "' takes " + wanted + ", not " + got);
    }
}
