package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** (Σ x_i) / size. */
final class Mean extends Reduction {
    Mean() {
        super("mean");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var count = b.op(Prims.TO_REAL, b.op(Prims.SIZE, op.arg(0)));
        List<Var> out = new ArrayList<>();
        out.add(b.broadcastTo(b.div(cot, count), op.arg(0)));
        return out;
    }
}
