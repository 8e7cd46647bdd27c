package hyp.compiler.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies a function's body into the builder's current region with its parameters bound to given values. */
public final class Inliner {
    private final IrBuilder b;
    private final Map<Var, Var> rename;

    private Inliner(IrBuilder b, Map<Var, Var> rename) {
        this.b = b;
        this.rename = rename;
    }

    /** Emits f's body; returns the values of its results. */
    public static List<Var> inline(IrBuilder b, Function f, List<Var> args) {
        Inliner in = new Inliner(b, new HashMap<>());
        for (int i = 0; i < args.size(); i++) in.rename.put(f.params().get(i), args.get(i));
        for (Node n : f.body().nodes()) b.add(in.copy(n));
        return f.body().results().stream().map(in::r).toList();
    }

    /**
     * Emits a copy of one node, reading values through {@code rename} (old value to new) and adding the values it
     * defines there.
     */
    public static void copy(IrBuilder b, Map<Var, Var> rename, Node n) {
        b.add(new Inliner(b, rename).copy(n));
    }

    private Var r(Var v) {
        Var to = rename.get(v);
        if (to == null) throw new IllegalStateException("value " + v + " used before it is defined");
        return to;
    }

    private Var def(Var v) {
        Var fresh = b.fresh(v.type(), v.hint());
        rename.put(v, fresh);
        return fresh;
    }

    private List<Var> defs(List<Var> vs) {
        List<Var> out = new ArrayList<>();
        for (Var v : vs) out.add(def(v));
        return out;
    }

    private Node copy(Node n) {
        if (n instanceof Node.Const c) return new Node.Const(def(c.out()), c.value(), c.span());
        if (n instanceof Node.Op op) {
            List<Var> args = op.args().stream().map(this::r).toList();
            return new Node.Op(def(op.out()), op.prim(), args, op.attr(), op.span());
        }
        if (n instanceof Node.If i) {
            Var cond = r(i.cond());
            Block then = block(i.then()), orElse = block(i.orElse());
            return new Node.If(cond, then, orElse, defs(i.outs()), i.span());
        }
        if (n instanceof Node.While w) {
            List<Var> init = w.init().stream().map(this::r).toList();
            Block cond = block(w.cond()), body = block(w.body());
            return new Node.While(init, cond, body, defs(w.outs()), w.span());
        }
        Node.For f = (Node.For) n;
        Var from = r(f.from()), to = r(f.to());
        List<Var> init = f.init().stream().map(this::r).toList();
        Block body = block(f.body());
        return new Node.For(from, to, init, body, defs(f.outs()), f.span());
    }

    private Block block(Block old) {
        List<Var> params = defs(old.params());
        List<Node> nodes = new ArrayList<>();
        for (Node n : old.nodes()) nodes.add(copy(n));
        return new Block(params, nodes, old.results().stream().map(this::r).toList());
    }
}
