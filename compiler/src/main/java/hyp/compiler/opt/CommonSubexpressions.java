package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reuses a value instead of computing the same pure op (or constant) twice. A region sees the values its
 * enclosing regions computed before it, never the other way round.
 */
public final class CommonSubexpressions {
    private final Map<Var, Var> replace = new HashMap<>();

    private CommonSubexpressions() {}

    public static Function run(Function f) {
        CommonSubexpressions cse = new CommonSubexpressions();
        Block body = cse.block(f.body(), new HashMap<>());
        return new Function(f.name(), f.paramNames(), body);
    }

    private record Key(Object prim, Object attr, List<Var> args, Object value) {}

    private Var r(Var v) {
        Var to = replace.get(v);
        return to == null ? v : to;
    }

    private List<Var> r(List<Var> vs) {
        return vs.stream().map(this::r).toList();
    }

    /**
     * {@code seen} holds the values available from enclosing blocks; this block's entries are added to it and
     * taken out again on the way out (not a copy per block, which made deeply nested code quadratic).
     */
    private Block block(Block b, Map<Key, Var> seen) {
        Map<Key, Var> shadowed = new HashMap<>(); // this block's keys, with what enclosing blocks had for them
        try {
            return blockIn(b, new ScopedPut(seen, shadowed));
        } finally {
            for (Map.Entry<Key, Var> e : shadowed.entrySet()) {
                if (e.getValue() == null) seen.remove(e.getKey());
                else seen.put(e.getKey(), e.getValue());
            }
        }
    }

    /** A put into the shared map that remembers, once per key, the value it replaced (null when none). */
    private record ScopedPut(Map<Key, Var> seen, Map<Key, Var> shadowed) {
        Var get(Key k) {
            return seen.get(k);
        }

        void put(Key k, Var v) {
            Var before = seen.put(k, v);
            if (!shadowed.containsKey(k)) shadowed.put(k, before);
        }
    }

    private Block blockIn(Block b, ScopedPut seen) {
        List<Node> out = new ArrayList<>();
        for (Node n : b.nodes()) {
            if (n instanceof Node.Const c && c.value() != null) {
                Key k = new Key("const", c.out().type(), List.of(), c.value());
                Var before = seen.get(k);
                if (before != null) {
                    replace.put(c.out(), before);
                    continue;
                }
                seen.put(k, c.out());
                out.add(c);
            } else if (n instanceof Node.Op op) {
                List<Var> args = r(op.args());
                Node.Op now = new Node.Op(op.out(), op.prim(), args, op.attr(), op.span());
                if (!Prims.effectful(op.prim())) {
                    Key k = new Key(op.prim(), op.attr(), args, null);
                    Var before = seen.get(k);
                    if (before != null && before.type().equals(op.out().type())) {
                        replace.put(op.out(), before);
                        continue;
                    }
                    seen.put(k, op.out());
                }
                out.add(now);
            } else if (n instanceof Node.If i) {
                out.add(new Node.If(r(i.cond()), block(i.then(), seen.seen()), block(i.orElse(), seen.seen()), i.outs(), i.span()));
            } else if (n instanceof Node.While w) {
                out.add(new Node.While(r(w.init()), block(w.cond(), seen.seen()), block(w.body(), seen.seen()), w.outs(), w.span()));
            } else if (n instanceof Node.For f) {
                out.add(new Node.For(r(f.from()), r(f.to()), r(f.init()), block(f.body(), seen.seen()), f.outs(), f.span()));
            } else {
                out.add(n);
            }
        }
        return new Block(b.params(), out, r(b.results()));
    }
}
