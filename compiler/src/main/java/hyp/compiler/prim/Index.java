package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Reads part of a tensor: {@code x[i]}, {@code X[i, j]}, {@code X[i]}, {@code X[:, j]}, {@code x[a:b]}. */
final class Index implements LinearInFirst {
    @Override
    public String name() {
        return "index";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        IndexSpec spec = (IndexSpec) attr;
        if (!(args.get(0) instanceof Type.Tensor x)) throw new ShapeError("cannot index a " + args.get(0));
        for (Type t : args.subList(1, args.size())) {
            if (!t.isInt()) throw new ShapeError("indices must be ints, not " + t);
        }
        if (args.size() - 1 != spec.form().ints()) throw new ShapeError("wrong number of indices");
        return spec.partType(x);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.INDEXING, ((IndexSpec) attr).form().read);
    }

    /** One entry of each row's vector is a column of the batch; other forms have no rule. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        IndexSpec spec = (IndexSpec) op.attr();
        if (spec.form() != IndexSpec.Form.GET1 || !batched.get(0)) return null;
        return b.op(this, new IndexSpec(IndexSpec.Form.COL, null), args.get(0), args.get(1));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> args = new ArrayList<>();
        args.add(cot);
        args.addAll(op.args());
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.SCATTER, op.attr(), args.toArray(Var[]::new)));
        for (int i = 1; i < op.args().size(); i++) out.add(null);
        return out;
    }
}
