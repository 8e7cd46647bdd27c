package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A primitive only the passes back ends run last make ({@link Fused}, {@link RowPass}): no transformation ever sees
 * one, so it has no derivative or complex-step rules, and asking for them is a bug in the order of the passes.
 */
interface LastPassPrimitive extends Primitive {
    /** The pass that makes this primitive, for the message. */
    String madeBy();

    @Override
    default Emission complexEmission(List<Type> args, Object attr) {
        throw misplaced("complex-step code");
    }

    @Override
    default Var jvp(IrBuilder b, Node.Op op, List<Var> tangents) {
        throw misplaced("a tangent rule");
    }

    @Override
    default List<Var> vjp(IrBuilder b, Node.Op op, Var cotangent) {
        throw misplaced("an adjoint rule");
    }

    private IllegalStateException misplaced(String what) {
        return new IllegalStateException("a " + name() + " op has no " + what + ": " + madeBy() + " must run after every "
                + "derivative and complex-step transformation (the back ends run it last)");
    }
}
