package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A chain (or tree) of element-wise tensor ops computed in one pass over memory: its attribute is the
 * {@link FusedBody} run once per element, its arguments the tensors and reals the chain reads. Back ends emit it
 * as one generated loop; the reference evaluator runs the body element by element.
 *
 * <p>Fused ops are made by {@code hyp.compiler.opt.ElementwiseFusion}, which back ends run as the last pass,
 * after every derivative and complex-step transformation. So no fused op is ever differentiated or turned into
 * complex-step code, and this primitive has no such rules: asking for them is a bug in the order of the passes.
 */
final class Fused implements LastPassPrimitive {
    @Override
    public String name() {
        return "fused";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        FusedBody body = body(attr);
        Type result = null;
        for (FusedBody.Step s : body.steps()) {
            for (FusedBody.Operand o : s.operands()) {
                if (!(o instanceof FusedBody.Arg a)) continue;
                if (a.index() >= args.size()) throw new ShapeError("fused body reads $" + a.index() + " of " + args.size() + " arguments");
                Type t = args.get(a.index());
                if (t.isTensor()) {
                    if (result != null && !result.equals(t)) throw new ShapeError("fused tensors " + result + " and " + t + " differ");
                    result = t;
                } else if (!t.isReal()) {
                    throw new ShapeError("a fused body reads tensors and reals, not " + t);
                }
            }
        }
        if (result == null) throw new ShapeError("a fused body must read a tensor");
        return result;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.ElementLoop(body(attr));
    }

    @Override
    public String madeBy() {
        return "element-wise fusion";
    }

    private static FusedBody body(Object attr) {
        if (attr instanceof FusedBody b) return b;
        throw new IllegalArgumentException("a fused op needs a FusedBody, not " + attr);
    }

    @Override
    public String toString() {
        return name();
    }
}
