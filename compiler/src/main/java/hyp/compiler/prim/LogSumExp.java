package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** log Σ exp x_i (max-shifted in the runtime); its gradient is softmax x = exp(x − y). */
final class LogSumExp extends Reduction {
    LogSumExp() {
        super("logsumexp");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    private static Var softmax(IrBuilder b, Node.Op op) {
        return b.op(Prims.EXP, b.sub(op.arg(0), op.out()));
    }

    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(Prims.ROW_LOGSUMEXP, args.get(0));
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return t.get(0) == null ? null : b.op(Prims.SUM, b.mul(t.get(0), softmax(b, op)));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.mul(cot, softmax(b, op)));
        return out;
    }
}
