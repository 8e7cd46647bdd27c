package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * {@code zeros(n, d)}, {@code ones(d)}, {@code fill(v, n)}: a tensor of the static type {@code attr} (its dims as
 * the checker named them), made from a real value and one int size per axis.
 */
final class Fill implements LinearInFirst {
    @Override
    public String name() {
        return "fill";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(attr instanceof Type.Tensor t) || t.rank() != args.size() - 1 || t.rank() > 3) {
            throw new ShapeError("fill takes one to three sizes");
        }
        if (!args.get(0).isReal()) throw new ShapeError("fill value must be a real, not " + args.get(0));
        for (Type s : args.subList(1, args.size())) {
            if (!s.isInt()) throw new ShapeError("sizes must be ints, not " + s);
        }
        return t;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.SHAPES, "fill");
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var[] out = new Var[op.args().size()];
        out[0] = b.op(Prims.SUM, cot);
        return Arrays.asList(out);
    }
}
