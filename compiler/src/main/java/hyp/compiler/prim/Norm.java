package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Euclidean norm ‖x‖; d‖x‖ = x·dx/‖x‖ (undefined at x = 0, where it yields NaN as the limit does not exist). */
final class Norm extends Reduction {
    Norm() {
        super("norm");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    /** sqrt of each row's sum of squares (without the runtime norm's rescaling against overflow). */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        Var x = args.get(0);
        return b.op(Prims.SQRT, b.op(Prims.ROW_SUMS, b.mul(x, x)));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        if (t.get(0) == null) return null;
        return b.div(b.op(Prims.SUM, b.mul(op.arg(0), t.get(0))), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.mul(b.div(cot, op.out()), op.arg(0)));
        return out;
    }
}
