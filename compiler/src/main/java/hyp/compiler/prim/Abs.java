package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** |x|; d/dx = sign x (0 at the kink). */
final class Abs extends ElementwiseUnary {
    Abs() {
        super("abs", Emission.MATH, "abs");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.op(Prims.SIGN, x);
    }
}
