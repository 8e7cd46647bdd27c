package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** −x, for reals, ints and tensors. */
final class Neg implements Primitive {
    @Override
    public String name() {
        return "neg";
    }

    @Override
    public boolean elementwise() {
        return true;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        Type a = args.get(0);
        if (!a.numeric()) throw new ShapeError("'-' cannot take " + a);
        return a;
    }

    @Override
    public int shapeSource(List<Type> args) {
        return args.get(0).isTensor() ? 0 : -1;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return args.get(0).isTensor() ? new Emission.Call(Emission.TENSOR_MATH, "neg") : new Emission.Prefix("-");
    }

    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(this, args.get(0));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return b.neg(t.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.neg(cot));
        return out;
    }
}
