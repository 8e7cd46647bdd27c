package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/**
 * max(a, b) and min(a, b), element-wise. The derivative is that of the argument picked (ties go to a), like the
 * branch rule for if/else: a mask 1/0 selects it.
 */
final class MaxMin extends ElementwiseBinary {
    private final Primitive mask;

    MaxMin(boolean max) {
        super(max ? "max" : "min", max ? "max" : "min", new Emission.Call(Emission.MATH, max ? "max" : "min"), false);
        this.mask = max ? Prims.GE_MASK : Prims.LE_MASK;
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var m = b.op(mask, op.arg(0), op.arg(1));
        Var one = b.real(1.0);
        Var fromA = b.mul(t.get(0), m);
        Var fromB = t.get(1) == null ? null : b.mul(t.get(1), b.op(Prims.SUB, one, m));
        return b.broadcastTo(b.add(fromA, fromB), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var m = b.op(mask, op.arg(0), op.arg(1));
        Var ca = b.mul(cot, m);
        Var cb = b.mul(cot, b.op(Prims.SUB, b.real(1.0), m));
        return Arrays.asList(b.unbroadcast(ca, op.arg(0).type()), b.unbroadcast(cb, op.arg(1).type()));
    }
}
