package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** a · b, element-wise. */
final class Mul extends ElementwisePartials {
    Mul() {
        super("mul", "*", new Emission.Infix("*"), true);
    }

    /** ∂/∂a = b, ∂/∂b = a. */
    @Override
    List<Var> partials(IrBuilder b, Node.Op op, boolean[] needed) {
        return Arrays.asList(op.arg(1), op.arg(0));
    }
}
