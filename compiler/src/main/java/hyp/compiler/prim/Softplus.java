package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** log(1 + e^x) without overflow; d/dx = sigmoid x. */
final class Softplus extends ElementwiseUnary {
    Softplus() {
        super("softplus", Emission.SCALARS, "softplus");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.op(Prims.SIGMOID, x);
    }
}
