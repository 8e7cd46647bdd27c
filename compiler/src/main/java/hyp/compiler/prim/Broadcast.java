package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/** A real spread over a tensor shaped like the second argument (whose values are not read). */
final class Broadcast implements Primitive {
    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public boolean elementwise() {
        return true;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!args.get(0).isReal() || !args.get(1).isTensor()) {
            throw new ShapeError("broadcast takes a real and a tensor, not " + args.get(0) + " and " + args.get(1));
        }
        return args.get(1);
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
        return new Emission.Call(Emission.SHAPES, "broadcast");
    }

    /** A per-row real over a per-row shape is a row broadcast; a shared real over a batch stays a broadcast. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        Var v = args.get(0), like = args.get(1);
        if (!batched.get(1)) like = b.op(Prims.SPREAD_ROWS, like, v);
        return batched.get(0) ? b.op(Prims.ROW_BROADCAST, v, like) : b.op(this, v, like);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0), op.arg(1));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.op(Prims.SUM, cot), null);
    }
}
