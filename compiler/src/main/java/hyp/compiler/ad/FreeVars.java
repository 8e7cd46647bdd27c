package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The values a region reads but does not define: what flows into a branch or a loop body from outside. */
final class FreeVars {
    private FreeVars() {}

    static Set<Var> of(Block block) {
        Set<Var> defined = new HashSet<>(block.params());
        Set<Var> used = new LinkedHashSet<>();
        collect(block, defined, used);
        used.removeAll(defined);
        return used;
    }

    /** Free values of several regions together, in first-use order. */
    static Set<Var> of(List<Block> blocks) {
        Set<Var> out = new LinkedHashSet<>();
        for (Block b : blocks) out.addAll(of(b));
        return out;
    }

    private static void collect(Block block, Set<Var> defined, Set<Var> used) {
        defined.addAll(block.params());
        for (Node n : block.nodes()) {
            used.addAll(uses(n));
            defined.addAll(n.defs());
            for (Block inner : IrWalk.regions(n)) collect(inner, defined, used);
        }
        used.addAll(block.results());
    }

    /** The values a node reads directly (not those its regions read). */
    static List<Var> uses(Node n) {
        if (n instanceof Node.Op op) return op.args();
        if (n instanceof Node.If i) return List.of(i.cond());
        if (n instanceof Node.While w) return w.init();
        if (n instanceof Node.For f) {
            List<Var> out = new ArrayList<>(List.of(f.from(), f.to()));
            out.addAll(f.init());
            return out;
        }
        return List.of();
    }
}
