package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** 1 for x > 0 else 0: relu's derivative, itself piecewise constant. */
final class Step extends ElementwiseUnary {
    Step() {
        super("step", Emission.SCALARS, "step");
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return null;
    }
}
