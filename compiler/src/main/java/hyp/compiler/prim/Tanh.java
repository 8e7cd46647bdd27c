package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/**
 * Hyperbolic tangent; d/dx = 1 − y² = 4·σ(2x)·σ(−2x). The second form keeps its relative precision in the tails:
 * tanh x rounds to ±1 for |x| &gt; 19, so 1 − y² would be 0 where the derivative is still 4e^−2|x| (and so would
 * every higher derivative built on it), while 1 ± tanh x = 2σ(±2x) are computed directly.
 */
final class Tanh extends ElementwiseUnary {
    Tanh() {
        super("tanh", Emission.SCALARS, "tanh"); // hyp's own tanh: fast, and the same bits in every back end
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    Var derivative(IrBuilder b, Var x, Var y) {
        Var twice = b.mul(b.real(2.0), x);
        return b.mul(b.real(4.0), b.mul(b.op(Prims.SIGMOID, twice), b.op(Prims.SIGMOID, b.neg(twice))));
    }
}
