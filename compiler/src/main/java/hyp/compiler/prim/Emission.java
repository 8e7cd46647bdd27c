package hyp.compiler.prim;

import java.util.List;

/** How back ends compute a primitive. Both back ends and the reference evaluator read the same description. */
public sealed interface Emission {
    /** A binary JVM/Java operator on two scalars of the same kind: + - * / and or. */
    record Infix(String symbol) implements Emission {}

    /** A unary JVM/Java operator: - (negation) or ! (not). */
    record Prefix(String symbol) implements Emission {}

    /** A comparison of two scalars of the same kind, yielding a bool: < <= > >= == !=. */
    record Compare(String symbol) implements Emission {}

    /** int to real. */
    record IntToReal() implements Emission {}

    /**
     * A static method {@code owner.method(args..., constants...)}; {@code owner} is a binary class name with
     * dots. Integer constants are passed as trailing int arguments.
     */
    record Call(String owner, String method, List<Integer> constants) implements Emission {
        public Call(String owner, String method) {
            this(owner, method, List.of());
        }
    }

    /** A static method taking all arguments packed into one array (double[] or Tensor[]). */
    record CallWithArray(String owner, String method) implements Emission {}

    /**
     * One loop over the elements of the tensor arguments computing {@code body} per element into a new tensor
     * (a {@link Fused} op). Back ends generate the loop; the reference evaluator runs the body element by element.
     */
    record ElementLoop(FusedBody body) implements Emission {}

    /**
     * One pass over the rows of a matrix X computing Xᵀ r, r row by row from the rows' dots and row vectors
     * (a {@link RowPass} op); the loop over rows runs through {@code hyp.runtime.ops.RowBlocks}.
     */
    record RowBlockLoop(RowPassBody pass) implements Emission {}

    String SCALARS = "hyp.runtime.ops.Scalars";
    String MATH = "java.lang.Math";
    String TENSOR_MATH = "hyp.runtime.ops.TensorMath";
    String REDUCTIONS = "hyp.runtime.ops.Reductions";
    String PRODUCTS = "hyp.runtime.ops.Products";
    String SHAPES = "hyp.runtime.ops.Shapes";
    String INDEXING = "hyp.runtime.ops.Indexing";
    String IMAGES = "hyp.runtime.ops.Images";
    String ROWS = "hyp.runtime.ops.Rows";
    String TAPE = "hyp.runtime.tape.Tape";
}
