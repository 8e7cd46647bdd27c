package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/** log(1 + x), accurate for small x; d/dx = 1/(1 + x). */
final class Log1p extends ElementwiseUnary {
    Log1p() {
        super("log1p", Emission.MATH, "log1p");
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        return b.div(b.broadcastTo(b.real(1.0), x), b.add(b.real(1.0), x));
    }
}
