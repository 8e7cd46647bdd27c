package hyp.compiler.check;

import hyp.compiler.prim.Primitive;
import hyp.compiler.types.Type;

/** What a call in the source resolved to. */
public sealed interface Callee {
    /** A primitive applied to the arguments in order (ints converted to reals where it takes reals). */
    record Prim(Primitive primitive) implements Callee {}

    /** zeros/ones (value fixed) or fill (value is the first argument); the sizes follow. */
    record Fill(Double value, Type.Tensor type) implements Callee {}

    /** A call of another def, inlined by lowering. */
    record Def(CheckedDef def) implements Callee {}

    /** {@code grad(w)} inside an optimizer: the gradient of the loss being minimised at the current parameters. */
    record GradOfLoss() implements Callee {}
}
