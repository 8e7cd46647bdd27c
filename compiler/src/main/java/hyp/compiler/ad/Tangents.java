package hyp.compiler.ad;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;

/** Which values carry derivatives, and explicit zeros where a region must yield one. */
final class Tangents {
    private Tangents() {}

    /** Reals and tensors carry tangents and cotangents; a tape's tangent is a second tape. */
    static boolean carries(Type t) {
        return t.differentiable() || t instanceof Type.Tape;
    }

    /** v's derivative, or an explicit zero of v's shape; {@code primal} is v's value in the current region. */
    static Var orZero(IrBuilder b, Var derivative, Var primal) {
        if (derivative != null) return derivative;
        if (primal.type() instanceof Type.Tape) return b.op(Prims.TAPE_CREATE);
        return b.broadcastTo(b.real(0.0), primal);
    }
}
