package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** a · b, element-wise. */
final class Mul extends ElementwiseBinary {
    Mul() {
        super("mul", "*", new Emission.Infix("*"), true);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var x = op.arg(0), y = op.arg(1);
        return b.broadcastTo(b.add(b.mul(t.get(0), y), b.mul(x, t.get(1))), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var x = op.arg(0), y = op.arg(1);
        return Arrays.asList(b.unbroadcast(b.mul(cot, y), x.type()), b.unbroadcast(b.mul(cot, x), y.type()));
    }
}
