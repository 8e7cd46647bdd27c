package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** The adjoint of {@link Index}: zeros shaped like the second argument with the part written at the index. */
final class Scatter implements LinearInFirst {
    @Override
    public String name() {
        return "scatter";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(1) instanceof Type.Tensor like)) throw new ShapeError("scatter into a " + args.get(1));
        Type part = ((IndexSpec) attr).partType(like);
        if (!part.equals(args.get(0))) throw new ShapeError("scatter of " + args.get(0) + " where " + part + " fits");
        return like;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.INDEXING, ((IndexSpec) attr).form().scatter);
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> args = new ArrayList<>();
        args.add(cot);
        args.addAll(op.args().subList(2, op.args().size()));
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.INDEX, op.attr(), args.toArray(Var[]::new)));
        for (int i = 1; i < op.args().size(); i++) out.add(null);
        return out;
    }
}
