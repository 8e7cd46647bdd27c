package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * {@code Xᵀ r} where r is computed row by row from the row dots X u₁ … X uₖ, row vectors and reals
 * ({@link RowPassBody}): one pass over X in blocks of rows instead of one pass per product. Arguments: X, u₁ … uₖ,
 * then the body's other arguments. Made by {@code hyp.compiler.opt.RowPassFusion} just before the back ends, after
 * every derivative transformation, so, like {@link Fused}, it has no derivative or complex-step rules.
 */
final class RowPass implements LastPassPrimitive {
    @Override
    public String name() {
        return "rowpass";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        RowPassBody rp = body(attr);
        if (!(args.get(0) instanceof Type.Tensor x) || x.rank() != 2) throw new ShapeError("a row pass runs over a matrix, not " + args.get(0));
        for (int k = 1; k <= rp.dots(); k++) {
            if (!(args.get(k) instanceof Type.Tensor u) || u.rank() != 1 || !u.dims().get(0).equals(x.dims().get(1))) {
                throw new ShapeError("a row dot of " + x + " needs a vector of its columns, not " + args.get(k));
            }
        }
        Prims.FUSED.resultType(rp.bodyTypes(args), rp.body());
        return Type.tensor(x.dims().get(1));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.RowBlockLoop(body(attr));
    }

    @Override
    public String madeBy() {
        return "row-pass fusion";
    }

    private static RowPassBody body(Object attr) {
        if (attr instanceof RowPassBody b) return b;
        throw new IllegalArgumentException("a row pass needs a RowPassBody, not " + attr);
    }

    @Override
    public String toString() {
        return name();
    }
}
