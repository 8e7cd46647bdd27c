package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which values of a function depend on the inputs being differentiated ("varied" values). Only they can carry a
 * nonzero cotangent, so adjoint code need not accumulate one for anything else — above all not for data a loop
 * reads, whose cotangent would be a full tensor rebuilt on every trip. Loops are iterated to a fixed point; values
 * popped from a tape are taken as varied, since the tape may carry values computed from the inputs.
 */
final class Activity {
    private Activity() {}

    static Set<Var> of(Function f, boolean[] wrt) {
        Set<Var> varied = new HashSet<>();
        for (int i = 0; i < wrt.length; i++) {
            if (wrt[i] && f.params().get(i).type().differentiable()) varied.add(f.params().get(i));
        }
        walk(f.body().nodes(), varied);
        return varied;
    }

    private static void walk(List<Node> nodes, Set<Var> v) {
        for (Node n : nodes) {
            if (n instanceof Node.Op op) {
                boolean popped = op.prim() == Prims.TAPE_POP;
                if ((popped || op.args().stream().anyMatch(v::contains)) && op.out().type().differentiable()) v.add(op.out());
            } else if (n instanceof Node.If i) {
                walk(i.then().nodes(), v);
                walk(i.orElse().nodes(), v);
                for (int k = 0; k < i.outs().size(); k++) {
                    if (v.contains(i.then().results().get(k)) || v.contains(i.orElse().results().get(k))) v.add(i.outs().get(k));
                }
            } else if (n instanceof Node.While w) {
                loop(w.init(), List.of(w.cond(), w.body()), w.body(), 0, w.outs(), v);
            } else if (n instanceof Node.For f) {
                loop(f.init(), List.of(f.body()), f.body(), 1, f.outs(), v);
            }
        }
    }

    /** A loop's carried values are varied if they start varied or any trip makes them so. */
    private static void loop(List<Var> init, List<Block> regions, Block body, int offset, List<Var> outs, Set<Var> v) {
        int before;
        do {
            before = v.size();
            for (int k = 0; k < init.size(); k++) {
                if (v.contains(init.get(k)) || v.contains(body.results().get(k))) {
                    for (Block r : regions) v.add(r.params().get(k + offset));
                }
            }
            for (Block r : regions) walk(r.nodes(), v);
        } while (v.size() != before);
        for (int k = 0; k < outs.size(); k++) {
            if (v.contains(body.params().get(k + offset))) v.add(outs.get(k));
        }
    }
}
