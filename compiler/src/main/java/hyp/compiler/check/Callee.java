package hyp.compiler.check;

import hyp.compiler.prim.Primitive;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.List;

/** What a call in the source resolved to. */
public sealed interface Callee {
    /** A primitive applied to the arguments in order (ints converted to reals where it takes reals). */
    record Prim(Primitive primitive) implements Callee {}

    /** zeros/ones (value fixed) or fill (value is the first argument); the sizes follow. */
    record Fill(Double value, Type.Tensor type) implements Callee {}

    /** reshape(x, sizes...) or flatten(x): x's entries under the literal shape {@code to}. */
    record Reshape(List<Dim> to) implements Callee {}

    /** A call of another def, inlined by lowering. */
    record Def(CheckedDef def) implements Callee {}

    /**
     * {@code grad(f, a...)}, {@code jvp(f, a..., v)}, {@code vjp(f, a..., u)} or {@code hvp(f, a..., v)}: a
     * derivative of def f in its first parameter at the arguments after f, lowered to f's inlined derivative code.
     */
    record Derivative(DerivativeKind kind, CheckedDef def) implements Callee {}

    /** {@code map(f, X1, ..., Xk)}: def f on each row of X1..Xk, lowered by batching f's code. */
    record Map(CheckedDef def) implements Callee {}

    /** {@code grad(x)} inside an optimizer: the gradient of the loss being minimised at the point x (grad(w) at the current parameters). */
    record GradOfLoss() implements Callee {}

    /** {@code loss(x)} inside an optimizer: the value of the loss being minimised at the point x. */
    record LossOf() implements Callee {}
}
