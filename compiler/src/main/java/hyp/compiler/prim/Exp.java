package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** exp x; its derivative is itself. */
final class Exp extends ElementwiseUnary {
    Exp() {
        super("exp", Emission.MATH, "exp");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return y;
    }
}
