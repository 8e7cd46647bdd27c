package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** a / b, element-wise (reals only: the checker turns int operands into reals). */
final class Div extends ElementwiseBinary {
    Div() {
        super("div", "/", new Emission.Infix("/"), false);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        // d(x/y) = (dx − (x/y)·dy) / y
        Var y = op.arg(1);
        Var num = b.sub(t.get(0), b.mul(op.out(), t.get(1)));
        return b.broadcastTo(b.div(num, y), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var x = op.arg(0), y = op.arg(1);
        Var cx = b.div(cot, y);
        Var cy = b.neg(b.mul(cx, op.out()));
        return Arrays.asList(b.unbroadcast(cx, x.type()), b.unbroadcast(cy, y.type()));
    }
}
