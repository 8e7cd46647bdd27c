package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/**
 * Logistic function 1/(1 + e^−x), stable for both signs; d/dx = y(1 − y) = σ(x)·σ(−x). The second form keeps
 * its relative precision in both tails: for large x, y rounds towards 1 and 1 − y loses the digits of e^−x
 * (at x = 30 a tenth of a percent, at x = 40 all of them), while σ(−x) computes e^−x/(1 + e^−x) directly.
 */
final class Sigmoid extends ElementwiseUnary {
    Sigmoid() {
        super("sigmoid", Emission.SCALARS, "sigmoid");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.mul(y, b.op(Prims.SIGMOID, b.neg(x)));
    }
}
