package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;

/**
 * Hyperbolic tangent; d/dx = 1 − y² = 4u/(1 + u)² with u = e^−2|x|. The second form keeps its relative precision
 * in the tails: tanh x rounds to ±1 for |x| &gt; 19, so 1 − y² would be 0 where the derivative is still 4e^−2|x|
 * (and so would every higher derivative built on it), while u is computed directly. It takes one exponential
 * (4σ(2x)σ(−2x), the same value, takes two); its own derivative goes through |x|, whose derivative sign x is 0 at
 * 0, where the derivative of 1/cosh² x is 0 too.
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
        Var u = b.op(Prims.EXP, b.mul(b.real(-2.0), b.op(Prims.ABS, x)));
        Var onePlusU = b.add(b.real(1.0), u);
        return b.div(b.mul(b.real(4.0), u), b.mul(onePlusU, onePlusU));
    }
}
