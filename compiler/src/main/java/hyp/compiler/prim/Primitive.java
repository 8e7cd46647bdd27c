package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A primitive operation of the IR, defined in one place: its shape rule, how back ends (and so the reference
 * evaluator) run it, its tangent rule and its adjoint rule. Rules are written as IR through an {@link IrBuilder},
 * so derivative code can itself be differentiated.
 */
public interface Primitive {
    String name();

    /** The shape rule: the result type for these argument types, or a {@link ShapeError} saying why not. */
    Type resultType(List<Type> args, Object attr) throws ShapeError;

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
     * The tangent of {@code op.out()} given the arguments' tangents ({@code null} where an argument's tangent is
     * zero); returns {@code null} for a zero tangent.
     */
    Var jvp(IrBuilder b, Node.Op op, List<Var> tangents);

    /** The cotangents of the arguments given the result's cotangent; {@code null} entries are zero. */
    List<Var> vjp(IrBuilder b, Node.Op op, Var cotangent);

    /**
     * The batching rule (JAX's vmap): {@code op} applied to each row of the arguments marked {@code batched}
     * (which carry a leading batch axis; the others are shared by all rows), written as IR on the batched values
     * {@code args}. Returns the result with its leading batch axis, or null when this primitive has no batching
     * rule for these arguments (the batching pass then reports where). Called only when some argument is batched.
     */
    default Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return null;
    }

    /**
     * The index of an argument whose shape the result always has (an element-wise op's tensor operand), or -1.
     * Lets a pass that needs only a shape take it from further up the graph.
     */
    default int shapeSource(List<Type> args) {
        return -1;
    }

    /** True when argument {@code i} is read only for its shape, never for its values. */
    default boolean readsShapeOnly(int i) {
        return false;
    }

    /** True for primitives with effects (the tape), which no pass may reorder, merge or drop. */
    default boolean effectful() {
        return false;
    }

    /**
     * The name .hyp code calls it by as a one-argument function ({@code exp(x)}, {@code sum(v)}), or null when
     * none does: operators, and calls the checker resolves from their arguments (max, min, outer, conv2d).
     */
    default String surfaceName() {
        return null;
    }

    /**
     * True when it applies element by element (a broadcast: as its first operand), so an element-wise loop
     * may fuse it as a step of a {@link FusedBody}.
     */
    default boolean elementwise() {
        return false;
    }
}
