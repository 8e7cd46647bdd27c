package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** max_i x_i. The derivative follows the maximal entries, shared equally when several tie. */
final class ReduceMax extends Reduction {
    ReduceMax() {
        super("max");
    }

    /** 1/k on the k entries equal to the maximum, 0 elsewhere. */
    private static Var weights(IrBuilder b, Node.Op op) {
        Var x = op.arg(0);
        Var mask = b.op(Prims.GE_MASK, x, op.out());
        return b.div(mask, b.op(Prims.SUM, mask));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(Prims.SUM, b.mul(t.get(0), weights(b, op)));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.mul(cot, weights(b, op)));
        return out;
    }
}
