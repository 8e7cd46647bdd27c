package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * A primitive linear in its first argument whose other arguments carry no derivative (sizes, indices, a shape
 * template): its tangent is the same operation applied to the first argument's tangent.
 */
interface LinearInFirst extends Primitive {
    @Override
    default Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        if (t.get(0) == null) return null;
        List<Var> args = new ArrayList<>(op.args());
        args.set(0, t.get(0));
        return b.op(this, op.attr(), args.toArray(Var[]::new));
    }
}
