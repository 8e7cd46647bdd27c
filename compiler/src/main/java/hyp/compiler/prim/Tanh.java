package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** Hyperbolic tangent; d/dx = 1 − y². */
final class Tanh extends ElementwiseUnary {
    Tanh() {
        super("tanh", Emission.MATH, "tanh");
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.sub(b.broadcastTo(b.real(1.0), y), b.mul(y, y));
    }
}
