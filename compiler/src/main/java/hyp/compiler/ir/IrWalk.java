package hyp.compiler.ir;

import java.util.function.Consumer;

/** Visits every node of a block, nested regions included. */
public final class IrWalk {
    private IrWalk() {}

    public static void nodes(Block block, Consumer<Node> visit) {
        for (Node n : block.nodes()) {
            visit.accept(n);
            for (Block inner : regions(n)) nodes(inner, visit);
        }
    }

    /** The regions nested directly in a node, in order. */
    public static java.util.List<Block> regions(Node n) {
        if (n instanceof Node.If i) return java.util.List.of(i.then(), i.orElse());
        if (n instanceof Node.While w) return java.util.List.of(w.cond(), w.body());
        if (n instanceof Node.For f) return java.util.List.of(f.body());
        return java.util.List.of();
    }

    public static int maxId(Block block) {
        int[] max = {-1};
        Consumer<Var> see = v -> max[0] = Math.max(max[0], v.id());
        block.params().forEach(see);
        nodes(block, n -> {
            n.defs().forEach(see);
            for (Block inner : regions(n)) inner.params().forEach(see);
        });
        return max[0];
    }
}
