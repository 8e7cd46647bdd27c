package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary element-wise operation f(a, b) whose derivative rules both follow from its partial derivatives ∂f/∂a and
 * ∂f/∂b (written as IR by the subclass, in terms of a, b and f): the tangent is ȧ·∂f/∂a + ḃ·∂f/∂b, and the
 * adjoint is that tangent transposed, c̄·∂f/∂a and c̄·∂f/∂b summed over broadcasting. As in JAX, where adjoints
 * come from tangent rules and the transposes of linear operations, only the tangent is written; here the linear
 * part is always a product with a partial, whose transpose is the same product.
 */
abstract class ElementwisePartials extends ElementwiseBinary {
    ElementwisePartials(String name, String symbol, Emission scalar, boolean ints) {
        super(name, symbol, scalar, ints);
    }

    /** ∂f/∂a and ∂f/∂b of {@code op}, built only where {@code needed} (null elsewhere, or where zero). */
    abstract List<Var> partials(IrBuilder b, Node.Op op, boolean[] needed);

    @Override
    public final Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        List<Var> d = partials(b, op, new boolean[] {t.get(0) != null, t.get(1) != null});
        Var sum = null;
        for (int i = 0; i < 2; i++) sum = b.add(sum, b.mul(t.get(i), d.get(i)));
        return b.broadcastTo(sum, op.out());
    }

    /** No cotangent for a literal argument: nothing could receive it. */
    @Override
    public final List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        boolean[] needed = {b.constant(op.arg(0)) == null, b.constant(op.arg(1)) == null};
        List<Var> d = partials(b, op, needed);
        List<Var> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Type argType = op.arg(i).type();
            out.add(needed[i] ? b.unbroadcast(b.mul(cot, d.get(i)), argType) : null);
        }
        return out;
    }
}
