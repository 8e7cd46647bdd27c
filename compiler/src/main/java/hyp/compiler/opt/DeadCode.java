package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops nodes whose values nobody reads. Effectful ops (the tape) always stay, and so does any structured node
 * holding one, since its reverse sweep depends on what it pushed.
 */
public final class DeadCode {
    private DeadCode() {}

    public static Function run(Function f) {
        Set<Var> live = new HashSet<>(f.body().results());
        Block body = block(f.body(), live);
        return new Function(f.name(), f.paramNames(), body);
    }

    /** Walks backwards; {@code live} holds values read later (including by enclosing regions). */
    private static Block block(Block b, Set<Var> live) {
        live.addAll(b.results());
        List<Node> kept = new ArrayList<>();
        for (int k = b.nodes().size() - 1; k >= 0; k--) {
            Node n = b.nodes().get(k);
            boolean needed = effectful(n) || n.defs().stream().anyMatch(live::contains);
            if (!needed) continue;
            Node now = n;
            if (n instanceof Node.Op op) {
                live.addAll(op.args());
            } else if (n instanceof Node.If i) {
                live.add(i.cond());
                now = new Node.If(i.cond(), block(i.then(), new HashSet<>(live)), block(i.orElse(), new HashSet<>(live)), i.outs(), i.span());
                addFree(now, live);
            } else if (n instanceof Node.While w) {
                live.addAll(w.init());
                now = new Node.While(w.init(), block(w.cond(), new HashSet<>(live)), block(w.body(), new HashSet<>(live)), w.outs(), w.span());
                addFree(now, live);
            } else if (n instanceof Node.For f) {
                live.add(f.from());
                live.add(f.to());
                live.addAll(f.init());
                now = new Node.For(f.from(), f.to(), f.init(), block(f.body(), new HashSet<>(live)), f.outs(), f.span());
                addFree(now, live);
            }
            kept.add(0, now);
        }
        return new Block(b.params(), kept, b.results());
    }

    /** Everything a structured node's regions read from outside is live before it. */
    private static void addFree(Node n, Set<Var> live) {
        for (Block inner : IrWalk.regions(n)) {
            IrWalk.nodes(inner, x -> {
                if (x instanceof Node.Op op) live.addAll(op.args());
                if (x instanceof Node.If i) live.add(i.cond());
                if (x instanceof Node.While w) live.addAll(w.init());
                if (x instanceof Node.For f) {
                    live.add(f.from());
                    live.add(f.to());
                    live.addAll(f.init());
                }
            });
            live.addAll(inner.results());
            IrWalk.nodes(inner, x -> {
                for (Block deeper : IrWalk.regions(x)) live.addAll(deeper.results());
            });
        }
    }

    private static boolean effectful(Node n) {
        if (n instanceof Node.Op op) return Prims.effectful(op.prim());
        boolean[] found = {false};
        for (Block inner : IrWalk.regions(n)) {
            IrWalk.nodes(inner, x -> found[0] |= x instanceof Node.Op op && Prims.effectful(op.prim()));
        }
        return found[0];
    }
}
