package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** A reduction within each row of a batch (rank 2 or more) to one real per row; the batched form of a reduction. */
abstract class RowReduction implements Primitive {
    private final String name;
    private final String method;

    RowReduction(String name, String method) {
        this.name = name;
        this.method = method;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor x) || x.rank() < 2) {
            throw new ShapeError(name + " takes a batch (a tensor of rank 2 or more), not " + args.get(0));
        }
        return Type.tensor(x.dims().get(0));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.ROWS, method);
    }

    @Override
    public String toString() {
        return name;
    }
}
