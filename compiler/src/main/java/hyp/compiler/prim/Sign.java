package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** −1, 0 or 1: abs's derivative, itself piecewise constant. */
final class Sign extends ElementwiseUnary {
    Sign() {
        super("sign", Emission.SCALARS, "sign");
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return null;
    }
}
