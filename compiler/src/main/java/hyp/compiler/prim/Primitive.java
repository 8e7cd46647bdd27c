package hyp.compiler.prim;

import hyp.compiler.ir.Node;
import hyp.compiler.ir.Operator;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A primitive operation of the IR, defined in one place: its shape rule, its tangent, adjoint and batching rules
 * (the {@link Operator} the IR knows it as, written as IR through an {@code IrBuilder}, so derivative code can
 * itself be differentiated), and how back ends (and so the reference evaluator) run it.
 */
public interface Primitive extends Operator {
    /** The primitive behind an IR operation: every operator in this compiler's IR is one. */
    static Primitive of(Node.Op op) {
        return (Primitive) op.prim();
    }

    /** How to compute it: a JVM operator or a static runtime method (which also defines its evaluation). */
    Emission emission(List<Type> args, Object attr);

    /**
     * How complex-step code computes it, given the same (real) argument types as {@link #emission}: the complex
     * runtime method mirroring the real one. The default maps each runtime class to its complex counterpart and
     * JVM operators on reals to the methods named after them; operations on ints and bools stay as they are.
     */
    default Emission complexEmission(List<Type> args, Object attr) {
        return ComplexEmissions.mirror(this, args, attr);
    }

    /**
     * The name .hyp code calls it by as a one-argument function ({@code exp(x)}, {@code sum(v)}), or null when
     * none does: operators, and calls the checker resolves from their arguments (max, min, outer, conv2d).
     */
    default String surfaceName() {
        return null;
    }
}
