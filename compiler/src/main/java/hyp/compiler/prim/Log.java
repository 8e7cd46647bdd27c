package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** Natural logarithm; d/dx = 1/x. */
final class Log extends ElementwiseUnary {
    Log() {
        super("log", Emission.MATH, "log");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.div(b.broadcastTo(b.real(1.0), x), x);
    }
}
