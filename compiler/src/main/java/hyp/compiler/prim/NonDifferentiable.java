package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Primitives whose results are piecewise constant (comparisons, masks, sizes): derivatives are zero. */
interface NonDifferentiable extends Primitive {
    @Override
    default Var jvp(IrBuilder b, Node.Op op, List<Var> tangents) {
        return null;
    }

    @Override
    default List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return new ArrayList<>(Collections.nCopies(op.args().size(), null));
    }
}
