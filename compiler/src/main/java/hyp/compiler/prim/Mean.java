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
    public String surfaceName() {
        return name();
    }

    /** Each row's sum over the number of entries in a row (all entries over the rows). */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        Var x = args.get(0);
        Var perRow = b.div(b.op(Prims.TO_REAL, b.op(Prims.SIZE, x)), b.op(Prims.TO_REAL, b.op(Prims.SIZE, 0, x)));
        return b.div(b.op(Prims.ROW_SUMS, x), perRow);
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
