package hyp.compiler.train;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.opt.DeadCode;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The code implicit differentiation calls for each Hessian-vector product and mixed product: the tangent of the
 * training loss's adjoint, (w, context..., bar, dw) -> (value, wbar, hyperbars..., dvalue, dwbar, dhyperbars...),
 * of which the callers ({@code CompiledObjective}, the embedding's wiring) read only dwbar and the dhyperbars. The
 * other results are returned as zeros of their shapes, so the loss value, its gradient and the tangent of the
 * value are not computed: for a loss over data rows, the products X w and X v they need would otherwise be passes
 * over X of their own, beside the one pass the Hessian-vector product needs.
 */
final class SecondOrderCode {
    private SecondOrderCode() {}

    /** {@code f} with results before {@code firstKept} replaced by zeros. */
    static Function tangentsOnly(Function f, int firstKept) {
        IrBuilder b = IrBuilder.after(f, Prims.ARITHMETIC);
        List<Node> nodes = new ArrayList<>(f.body().nodes());
        List<Var> results = new ArrayList<>(f.body().results());
        Var zero = null;
        for (int k = 0; k < firstKept && k < results.size(); k++) {
            Var r = results.get(k);
            if (zero == null) {
                zero = b.fresh(Type.REAL, null);
                nodes.add(new Node.Const(zero, 0.0, null));
            }
            if (r.type().isReal()) {
                results.set(k, zero);
            } else if (r.type().isTensor()) {
                Var template = f.params().stream().filter(p -> p.type().equals(r.type())).findFirst().orElse(null);
                if (template == null) continue; // keeps a result whose shape no parameter gives
                Var z = b.fresh(r.type(), null);
                nodes.add(new Node.Op(z, Prims.BROADCAST, List.of(zero, template), null, null));
                results.set(k, z);
            }
        }
        return DeadCode.run(new Function(f.name(), f.paramNames(), new Block(f.body().params(), nodes, results)));
    }
}
