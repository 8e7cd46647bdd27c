package hyp.compiler.ir;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
    public static List<Block> regions(Node n) {
        if (n instanceof Node.If i) return List.of(i.then(), i.orElse());
        if (n instanceof Node.While w) return List.of(w.cond(), w.body());
        if (n instanceof Node.For f) return List.of(f.body());
        return List.of();
    }

    /**
     * {@code n} with each directly nested region replaced by {@code rewrite} of it; {@code n} itself when every
     * region comes back unchanged (the same object).
     */
    public static Node mapRegions(Node n, UnaryOperator<Block> rewrite) {
        if (n instanceof Node.If i) {
            Block t = rewrite.apply(i.then()), e = rewrite.apply(i.orElse());
            return t == i.then() && e == i.orElse() ? n : new Node.If(i.cond(), t, e, i.outs(), i.span());
        }
        if (n instanceof Node.While w) {
            Block c = rewrite.apply(w.cond()), body = rewrite.apply(w.body());
            return c == w.cond() && body == w.body() ? n : new Node.While(w.init(), c, body, w.outs(), w.span());
        }
        if (n instanceof Node.For f) {
            Block body = rewrite.apply(f.body());
            return body == f.body() ? n : new Node.For(f.from(), f.to(), f.init(), body, f.outs(), f.span());
        }
        return n;
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
