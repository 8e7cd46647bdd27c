package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** log Σ exp of each row's entries (max-shifted in the runtime); the batched {@code logsumexp}. */
final class RowLogSumExp extends RowReduction {
    RowLogSumExp() {
        super("row_logsumexp", "logsumexps");
    }

    /** Each row's softmax, exp(x − y) with y spread over its row. */
    private static Var softmax(IrBuilder b, Node.Op op) {
        return b.op(Prims.EXP, b.sub(op.arg(0), b.op(Prims.ROW_BROADCAST, op.out(), op.arg(0))));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(Prims.ROW_SUMS, b.mul(t.get(0), softmax(b, op)));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.mul(b.op(Prims.ROW_BROADCAST, cot, op.arg(0)), softmax(b, op)));
        return out;
    }
}
