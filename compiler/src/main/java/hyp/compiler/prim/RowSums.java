package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** The sum of each row's entries; the batched {@code sum}. Its adjoint spreads each row's cotangent over the row. */
final class RowSums extends RowReduction {
    RowSums() {
        super("row_sums", "sums");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(this, t.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.ROW_BROADCAST, cot, op.arg(0)));
        return out;
    }
}
