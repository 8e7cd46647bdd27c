package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.List;

/** A primitive bilinear in its two arguments: its tangent is op(ta, b) + op(a, tb). */
interface Bilinear extends Primitive {
    @Override
    default Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var fromA = t.get(0) == null ? null : b.op(this, op.attr(), t.get(0), op.arg(1));
        Var fromB = t.get(1) == null ? null : b.op(this, op.attr(), op.arg(0), t.get(1));
        return b.add(fromA, fromB);
    }
}
