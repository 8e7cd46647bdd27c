package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** Square root; d/dx = 1/(2√x) = 0.5/y. */
final class Sqrt extends ElementwiseUnary {
    Sqrt() {
        super("sqrt", Emission.MATH, "sqrt");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.div(b.broadcastTo(b.real(0.5), y), y);
    }
}
