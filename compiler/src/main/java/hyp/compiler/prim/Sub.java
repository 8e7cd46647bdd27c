package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** a − b. */
final class Sub extends ElementwiseBinary {
    Sub() {
        super("sub", "-", new Emission.Infix("-"), true);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        return b.broadcastTo(b.sub(t.get(0), t.get(1)), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.unbroadcast(cot, op.arg(0).type()), b.unbroadcast(b.neg(cot), op.arg(1).type()));
    }
}
