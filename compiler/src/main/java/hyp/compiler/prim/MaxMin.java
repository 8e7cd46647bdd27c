package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/**
 * max(a, b) and min(a, b), element-wise. The derivative is that of the argument picked (ties go to a), like the
 * branch rule for if/else: a mask 1/0 selects it.
 */
final class MaxMin extends ElementwisePartials {
    private final Primitive mask;

    MaxMin(boolean max) {
        super(max ? "max" : "min", max ? "max" : "min", new Emission.Call(Emission.MATH, max ? "max" : "min"), false);
        this.mask = max ? Prims.GE_MASK : Prims.LE_MASK;
    }

    /** The mask m of the argument picked: ∂/∂a = m, ∂/∂b = 1 − m. */
    @Override
    List<Var> partials(IrBuilder b, Node.Op op, boolean[] needed) {
        if (!needed[0] && !needed[1]) return Arrays.asList(null, null);
        Var m = b.op(mask, op.arg(0), op.arg(1));
        return Arrays.asList(m, needed[1] ? b.op(Prims.SUB, b.real(1.0), m) : null);
    }
}
