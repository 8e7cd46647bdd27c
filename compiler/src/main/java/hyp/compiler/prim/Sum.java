package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Σ x_i. Its adjoint spreads the cotangent over x's shape. */
final class Sum extends Reduction {
    Sum() {
        super("sum");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(Prims.ROW_SUMS, args.get(0));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.broadcastTo(cot, op.arg(0)));
        return out;
    }
}
