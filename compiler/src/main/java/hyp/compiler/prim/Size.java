package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** The number of entries of a tensor ({@code attr} null), or its size along axis {@code attr} (an Integer). */
final class Size implements NonDifferentiable {
    @Override
    public String name() {
        return "size";
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor t)) throw new ShapeError("size of a " + args.get(0));
        if (attr instanceof Integer axis && (axis < 0 || axis >= t.rank())) {
            throw new ShapeError("axis " + axis + " of a rank-" + t.rank() + " tensor");
        }
        return Type.INT;
    }

    @Override
    public boolean readsShapeOnly(int i) {
        return i == 0;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        if (attr instanceof Integer axis) return new Emission.Call(Emission.REDUCTIONS, "dim", List.of(axis));
        return new Emission.Call(Emission.REDUCTIONS, "size");
    }
}
