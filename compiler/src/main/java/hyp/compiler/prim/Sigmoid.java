package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** Logistic function 1/(1 + e^−x), stable for both signs; d/dx = y(1 − y). */
final class Sigmoid extends ElementwiseUnary {
    Sigmoid() {
        super("sigmoid", Emission.SCALARS, "sigmoid");
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.mul(y, b.sub(b.broadcastTo(b.real(1.0), y), y));
    }
}
