package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops nodes whose values nobody reads. Effectful ops (the tape) always stay, and so does any structured node
 * holding one, since its reverse sweep depends on what it pushed.
 */
public final class DeadCode {
    private DeadCode() {}

    public static Function run(Function f) {
        Set<Var> live = new HashSet<>(f.body().results());
        Block body = new DeadCode.Pass().block(f.body(), live);
        return new Function(f.name(), f.paramNames(), body);
    }

    /** One run over a function; remembers which structured nodes hold an effectful op, so each is looked at once. */
    private static final class Pass {
        private final Map<Node, Boolean> effectful = new IdentityHashMap<>();

        /**
         * Walks backwards; {@code live} holds values read later (including by enclosing regions). On return it also
         * holds everything the kept nodes read, so an enclosing node learns what its regions read from outside.
         */
        Block block(Block b, Set<Var> live) {
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
                    now = new Node.If(i.cond(), region(i.then(), live), region(i.orElse(), live), i.outs(), i.span());
                } else if (n instanceof Node.While w) {
                    live.addAll(w.init());
                    now = new Node.While(w.init(), region(w.cond(), live), region(w.body(), live), w.outs(), w.span());
                } else if (n instanceof Node.For f) {
                    live.add(f.from());
                    live.add(f.to());
                    live.addAll(f.init());
                    now = new Node.For(f.from(), f.to(), f.init(), region(f.body(), live), f.outs(), f.span());
                }
                kept.add(n == now ? n : now);
            }
            Collections.reverse(kept);
            return new Block(b.params(), kept, b.results());
        }

        /** A nested region, seeing what is live after its node; what it reads becomes live before the node. */
        private Block region(Block inner, Set<Var> live) {
            Set<Var> innerLive = new HashSet<>(live);
            Block out = block(inner, innerLive);
            live.addAll(innerLive);
            return out;
        }

        private boolean effectful(Node n) {
            if (n instanceof Node.Op op) return Prims.effectful(op.prim());
            Boolean known = effectful.get(n);
            if (known != null) return known;
            boolean found = false;
            for (Block inner : IrWalk.regions(n)) {
                for (Node x : inner.nodes()) found |= effectful(x);
            }
            effectful.put(n, found);
            return found;
        }
    }
}
