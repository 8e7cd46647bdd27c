package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points an argument read only for its shape ({@code size(x)}, the template of {@code broadcast(s, x)}) at the
 * earliest value of the same type that shares x's shape by construction, following element-wise ops up the graph.
 * The derivative of {@code mean(softplus(z))} needs only softplus's element count; once the count is taken from z,
 * dead-code removal drops the softplus and its n exp/log1p evaluations.
 */
public final class ShapeOnlyUses {
    private final Map<Var, Node.Op> definitions = new HashMap<>();

    private ShapeOnlyUses() {}

    public static Function run(Function f) {
        ShapeOnlyUses pass = new ShapeOnlyUses();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Op op) pass.definitions.put(op.out(), op);
        });
        return new Function(f.name(), f.paramNames(), pass.block(f.body()));
    }

    private Block block(Block b) {
        List<Node> out = new ArrayList<>(b.nodes().size());
        for (Node n : b.nodes()) out.add(node(n));
        return new Block(b.params(), out, b.results());
    }

    private Node node(Node n) {
        if (n instanceof Node.Op op) {
            List<Var> args = new ArrayList<>(op.args());
            boolean changed = false;
            for (int i = 0; i < args.size(); i++) {
                if (!op.prim().readsShapeOnly(i)) continue;
                Var source = source(args.get(i));
                changed |= source != args.get(i);
                args.set(i, source);
            }
            return changed ? new Node.Op(op.out(), op.prim(), args, op.attr(), op.span()) : op;
        }
        if (n instanceof Node.If i) return new Node.If(i.cond(), block(i.then()), block(i.orElse()), i.outs(), i.span());
        if (n instanceof Node.While w) return new Node.While(w.init(), block(w.cond()), block(w.body()), w.outs(), w.span());
        if (n instanceof Node.For f) return new Node.For(f.from(), f.to(), f.init(), block(f.body()), f.outs(), f.span());
        return n;
    }

    /** The furthest value up a chain of shape-preserving ops with exactly v's type. */
    private Var source(Var v) {
        Var at = v;
        while (true) {
            Node.Op def = definitions.get(at);
            if (def == null || def.prim().effectful()) return at;
            int k = def.prim().shapeSource(def.args().stream().map(Var::type).toList());
            if (k < 0 || !def.arg(k).type().equals(v.type())) return at;
            at = def.arg(k);
        }
    }
}
