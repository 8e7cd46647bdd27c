package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** The sum over the rows (leading axis) of a tensor of rank 2 or more; the adjoint of {@link SpreadRows}. */
final class SumRows implements LinearInFirst {
    @Override
    public String name() {
        return "sum_rows";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor x) || x.rank() < 2) {
            throw new ShapeError("sum_rows takes a tensor of rank 2 or more, not " + args.get(0));
        }
        return new Type.Tensor(x.dims().subList(1, x.rank()));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.ROWS, "sumRows");
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.SPREAD_ROWS, cot, op.arg(0)));
        return out;
    }
}
