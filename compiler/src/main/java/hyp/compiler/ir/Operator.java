package hyp.compiler.ir;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * What the IR and the passes over it know of an operation: its shape rule and its IR-level rules (tangent, adjoint,
 * batching), all written as IR. The operations themselves are the primitives ({@code hyp.compiler.prim}), which
 * sit above the IR core and add how back ends compute them.
 */
public interface Operator {
    String name();

    /** The shape rule: the result type for these argument types, or a {@link ShapeError} saying why not. */
    Type resultType(List<Type> args, Object attr) throws ShapeError;

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
     * {@code args}. Returns the result with its leading batch axis, or null when this operator has no batching
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

    /** True for operations with effects (the tape), which no pass may reorder, merge or drop. */
    default boolean effectful() {
        return false;
    }

    /**
     * True when it applies element by element (a broadcast: as its first operand), so an element-wise loop
     * may fuse it.
     */
    default boolean elementwise() {
        return false;
    }
}
