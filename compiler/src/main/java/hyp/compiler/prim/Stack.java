package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** A tensor literal {@code [a, b, c]}: reals stacked into a vector, or equal tensors along a new first axis. */
final class Stack implements Primitive {
    @Override
    public String name() {
        return "stack";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (args.isEmpty()) throw new ShapeError("a tensor literal needs at least one element");
        Type first = args.get(0);
        for (Type t : args) {
            if (!t.equals(first)) throw new ShapeError("tensor literal mixes " + first + " and " + t);
        }
        List<Dim> dims = new ArrayList<>();
        dims.add(Dim.of(args.size()));
        if (first instanceof Type.Tensor t) dims.addAll(t.dims());
        else if (!first.isReal()) throw new ShapeError("tensor literal of " + first + " (only reals)");
        return new Type.Tensor(dims);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.CallWithArray(Emission.SHAPES, "stack");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        if (t.stream().allMatch(v -> v == null)) return null;
        Var[] parts = new Var[t.size()];
        for (int i = 0; i < parts.length; i++) {
            Var arg = op.arg(i);
            parts[i] = t.get(i) != null ? t.get(i) : b.broadcastTo(b.real(0.0), arg);
        }
        return b.op(this, parts);
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        boolean scalars = !op.arg(0).type().isTensor();
        IndexSpec spec = new IndexSpec(scalars ? IndexSpec.Form.GET1 : IndexSpec.Form.ROW, null);
        for (int i = 0; i < op.args().size(); i++) out.add(b.op(Prims.INDEX, spec, cot, b.integer(i)));
        return out;
    }
}
