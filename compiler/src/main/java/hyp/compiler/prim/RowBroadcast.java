package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * One real per row (a vector) spread over each row of the second argument (whose values are not read): the
 * batched form of a real scalar broadcast over a tensor. Its adjoint sums within each row.
 */
final class RowBroadcast implements Primitive {
    @Override
    public String name() {
        return "row_broadcast";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor v) || v.rank() != 1 || !(args.get(1) instanceof Type.Tensor like)
                || like.rank() < 2 || !v.dims().get(0).equals(like.dims().get(0))) {
            throw new ShapeError("row_broadcast takes a vector of one entry per row and a batch of as many rows, not "
                    + args.get(0) + " and " + args.get(1));
        }
        return like;
    }

    @Override
    public int shapeSource(List<Type> args) {
        return 1;
    }

    @Override
    public boolean readsShapeOnly(int i) {
        return i == 1;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.ROWS, "broadcast");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0), op.arg(1));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.op(Prims.ROW_SUMS, cot), null);
    }
}
