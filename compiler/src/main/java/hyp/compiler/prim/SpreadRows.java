package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A value shared by every row, repeated over the rows of the second argument (whose values are not read): a real
 * becomes a vector, a tensor gains a leading batch axis. Made by batching; its adjoint sums over the rows.
 */
final class SpreadRows implements Primitive {
    @Override
    public String name() {
        return "spread_rows";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        Type x = args.get(0);
        if (!(args.get(1) instanceof Type.Tensor like) || !(x.isReal() || x.isTensor())) {
            throw new ShapeError("spread_rows takes a real or a tensor and a batch, not " + x + " and " + args.get(1));
        }
        List<Dim> dims = new ArrayList<>();
        dims.add(like.dims().get(0));
        if (x instanceof Type.Tensor t) dims.addAll(t.dims());
        return new Type.Tensor(dims);
    }

    @Override
    public boolean readsShapeOnly(int i) {
        return i == 1;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.ROWS, "spread");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0), op.arg(1));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var back = op.arg(0).type().isTensor() ? b.op(Prims.SUM_ROWS, cot) : b.op(Prims.SUM, cot);
        return Arrays.asList(back, null);
    }
}
