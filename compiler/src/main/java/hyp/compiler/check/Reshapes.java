package hyp.compiler.check;

import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reshape(x, sizes...)} and {@code flatten(x)}: the target shape is part of the type, so its sizes are
 * integer literals, and x's shape must be literal too so that the entry counts can be compared.
 */
final class Reshapes {
    private Reshapes() {}

    static Type check(ExprChecker ec, Expr.Call c, List<Expr> args) {
        boolean flatten = c.callee().name().equals("flatten");
        if (flatten && args.size() != 1) return ec.fail(c, "'flatten' takes 1 argument, not " + args.size());
        if (!flatten && (args.size() < 2 || args.size() > 5)) {
            return ec.fail(c, "'reshape' takes a tensor and 1 to 4 sizes, not " + args.size() + " arguments");
        }
        Type x = ec.check(args.get(0));
        if (x == null) return null;
        List<Dim> to = new ArrayList<>();
        if (flatten) {
            if (!(x instanceof Type.Tensor t) || t.dims().stream().anyMatch(Dim::symbolic)) {
                return ec.fail(c, "flatten needs a tensor of literal sizes, not " + x);
            }
            to.add(Dim.of(t.dims().stream().mapToInt(Dim::size).reduce(1, Math::multiplyExact)));
        } else {
            for (Expr a : args.subList(1, args.size())) {
                if (!(a instanceof Expr.Num n) || !n.integer() || n.value() < 1) {
                    return ec.fail(a, "reshape sizes must be positive integer literals");
                }
                ec.check(a);
                to.add(Dim.of((int) n.value()));
            }
        }
        try {
            Type result = Prims.RESHAPE.resultType(List.of(x), to);
            ec.resolve(c, new Callee.Reshape(List.copyOf(to)));
            return result;
        } catch (ShapeError e) {
            return ec.fail(c, e.getMessage());
        }
    }
}
