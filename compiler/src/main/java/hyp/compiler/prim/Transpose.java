package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Matrix transpose; linear, so both rules transpose again. */
final class Transpose implements Primitive {
    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor a) || a.rank() != 2) {
            throw new ShapeError("transpose takes a matrix, not " + args.get(0));
        }
        return Type.tensor(a.dims().get(1), a.dims().get(0));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.PRODUCTS, "transpose");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(this, cot));
        return out;
    }
}
