package hyp.compiler.opt;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.Prims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many times the code a back end emits for a function reads each of some parameters (the data tensors) from
 * memory: the ops reading its elements, after {@link BackEndPasses}. An op inside a loop counts once; reads only
 * for a shape ({@code size}, a broadcast's template) do not count. For a data matrix larger than the caches this is
 * what bounds the function's speed, so it is reported beside the timing.
 */
public final class DataPasses {
    private DataPasses() {}

    /** Passes over each named parameter of {@code f} in its back-end code, in parameter order. */
    public static Map<String, Integer> of(Function f, Set<String> names) {
        Function code = BackEndPasses.run(f);
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Var> params = code.params();
        for (int p = 0; p < params.size(); p++) {
            String name = code.paramNames().get(p);
            if (!names.contains(name) || !params.get(p).type().isTensor()) continue;
            Var v = params.get(p);
            int[] count = {0};
            IrWalk.nodes(code.body(), n -> {
                if (n instanceof Node.Op op && readsElements(op, v)) count[0]++;
            });
            out.put(name, count[0]);
        }
        return out;
    }

    private static boolean readsElements(Node.Op op, Var v) {
        if (op.prim() == Prims.SIZE) return false;
        for (int j = 0; j < op.args().size(); j++) {
            if (!op.arg(j).equals(v) || op.prim().readsShapeOnly(j)) continue;
            if (op.prim() == Prims.FUSED && !((FusedBody) op.attr()).readsElementsOf(j)) continue;
            return true;
        }
        return false;
    }
}
