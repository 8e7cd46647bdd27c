package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Reads part of a tensor: {@code x[i]}, {@code X[i, j]}, {@code X[i]}, {@code X[:, j]}, {@code x[a:b]}. */
final class Index implements Primitive {
    @Override
    public String name() {
        return "index";
    }

    static Type partType(Type.Tensor x, IndexSpec spec) throws ShapeError {
        List<Dim> d = x.dims();
        switch (spec.form()) {
            case GET1:
                if (x.rank() != 1) throw new ShapeError("x[i] needs a vector; use X[i, j] for " + x);
                return Type.REAL;
            case GET2:
                if (x.rank() != 2) throw new ShapeError("X[i, j] needs a matrix, not " + x);
                return Type.REAL;
            case ROW:
                if (x.rank() < 2) throw new ShapeError("X[i] as a row needs a matrix, not " + x);
                return new Type.Tensor(d.subList(1, d.size()));
            case COL:
                if (x.rank() != 2) throw new ShapeError("X[:, j] needs a matrix, not " + x);
                return Type.tensor(d.get(0));
            default:
                List<Dim> dims = new ArrayList<>(d);
                dims.set(0, spec.sliceDim());
                return new Type.Tensor(dims);
        }
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        IndexSpec spec = (IndexSpec) attr;
        if (!(args.get(0) instanceof Type.Tensor x)) throw new ShapeError("cannot index a " + args.get(0));
        for (Type t : args.subList(1, args.size())) {
            if (!t.isInt()) throw new ShapeError("indices must be ints, not " + t);
        }
        if (args.size() - 1 != spec.form().ints()) throw new ShapeError("wrong number of indices");
        return partType(x, spec);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.INDEXING, ((IndexSpec) attr).form().read);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        if (t.get(0) == null) return null;
        List<Var> args = new ArrayList<>(op.args());
        args.set(0, t.get(0));
        return b.op(this, op.attr(), args.toArray(Var[]::new));
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
