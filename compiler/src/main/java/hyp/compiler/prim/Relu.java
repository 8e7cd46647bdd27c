package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** max(x, 0); d/dx = step x (0 at the kink). */
final class Relu extends ElementwiseUnary {
    Relu() {
        super("relu", Emission.SCALARS, "relu");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.op(Prims.STEP, x);
    }
}
