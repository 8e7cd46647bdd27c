package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tangent (JVP) code: {@code f(x...) -> y...} becomes {@code f_jvp(x..., dx...) -> (y..., dy...)}, with a tangent
 * for every real or tensor input and result. Each op's tangent comes from its primitive's rule; branches and loops
 * carry tangents beside their values, so the derivative follows the path the input takes.
 */
public final class ForwardTransform {
    private final IrBuilder b;
    private final Map<Var, Var> primal = new HashMap<>();
    private final Map<Var, Var> tangent = new HashMap<>();

    private ForwardTransform(IrBuilder b) {
        this.b = b;
    }

    public static Function jvp(Function f) {
        boolean[] all = new boolean[f.params().size()];
        Arrays.fill(all, true);
        return jvp(f, all);
    }

    /** Tangent code with tangent inputs only for the parameters marked in {@code wrt} (the others are constant). */
    public static Function jvp(Function f, boolean[] wrt) {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        ForwardTransform t = new ForwardTransform(b);
        List<Var> params = new ArrayList<>();
        List<String> names = new ArrayList<>(f.paramNames());
        for (Var p : f.params()) params.add(t.rename(p));
        for (int i = 0; i < f.params().size(); i++) {
            Var p = f.params().get(i);
            if (!wrt[i] || !Tangents.carries(p.type())) continue;
            Var tp = b.fresh(p.type(), "d" + (p.hint() == null ? "" : p.hint()));
            t.tangent.put(p, tp);
            params.add(tp);
            names.add("d_" + f.paramNames().get(i));
        }
        Block body = b.block(params, () -> {
            t.nodes(f.body().nodes());
            return t.resultsWithTangents(f.body().results());
        });
        return new Function(f.name() + "_jvp", names, body);
    }

    private Var rename(Var old) {
        return primal.computeIfAbsent(old, v -> b.fresh(v.type(), v.hint()));
    }

    private Var p(Var old) {
        Var v = primal.get(old);
        if (v == null) throw new IllegalStateException("value " + old + " used before it is defined");
        return v;
    }

    private List<Var> resultsWithTangents(List<Var> results) {
        List<Var> out = new ArrayList<>();
        for (Var r : results) out.add(p(r));
        for (Var r : results) {
            if (Tangents.carries(r.type())) out.add(Tangents.orZero(b, tangent.get(r), p(r)));
        }
        return out;
    }

    private void nodes(List<Node> nodes) {
        for (Node n : nodes) node(n);
    }

    private void node(Node n) {
        var old = b.at(n.span());
        if (n instanceof Node.Const c) {
            b.add(new Node.Const(rename(c.out()), c.value(), c.span()));
        } else if (n instanceof Node.Op op) {
            Node.Op copy = new Node.Op(rename(op.out()), op.prim(), op.args().stream().map(this::p).toList(), op.attr(), op.span());
            b.add(copy);
            List<Var> ts = op.args().stream().map(tangent::get).toList();
            boolean any = ts.stream().anyMatch(x -> x != null) || op.prim() == Prims.TAPE_CREATE;
            if (any) {
                Var t = op.prim().jvp(b, copy, ts);
                if (t != null && Tangents.carries(op.out().type())) tangent.put(op.out(), t);
            }
        } else if (n instanceof Node.If i) {
            Block then = region(List.of(), i.then());
            Block orElse = region(List.of(), i.orElse());
            b.add(new Node.If(p(i.cond()), then, orElse, outs(i.outs()), i.span()));
        } else if (n instanceof Node.While w) {
            Block cond = region(w.cond().params(), w.cond());
            Block body = region(w.body().params(), w.body());
            b.add(new Node.While(withTangents(w.init()), cond, body, outs(w.outs()), w.span()));
        } else if (n instanceof Node.For f) {
            Block body = region(f.body().params(), f.body());
            b.add(new Node.For(p(f.from()), p(f.to()), withTangents(f.init()), body, outs(f.outs()), f.span()));
        }
        b.at(old);
    }

    /** A region whose parameters and results are the old ones followed by tangents of those that carry one. */
    private Block region(List<Var> oldParams, Block old) {
        List<Var> params = new ArrayList<>();
        for (Var p : oldParams) {
            Var np = b.fresh(p.type(), p.hint());
            primal.put(p, np);
            tangent.remove(p);
            params.add(np);
        }
        for (Var p : oldParams) {
            if (!Tangents.carries(p.type())) continue;
            Var tp = b.fresh(p.type(), "d" + (p.hint() == null ? "" : p.hint()));
            tangent.put(p, tp);
            params.add(tp);
        }
        return b.block(params, () -> {
            nodes(old.nodes());
            return resultsWithTangents(old.results());
        });
    }

    /** Values followed by their tangents (zeros made explicit), as loops carry them. */
    private List<Var> withTangents(List<Var> vars) {
        return resultsWithTangents(vars);
    }

    private List<Var> outs(List<Var> oldOuts) {
        List<Var> out = new ArrayList<>();
        for (Var o : oldOuts) out.add(rename(o));
        for (Var o : oldOuts) {
            if (!Tangents.carries(o.type())) continue;
            Var t = b.fresh(o.type(), "d" + (o.hint() == null ? "" : o.hint()));
            tangent.put(o, t);
            out.add(t);
        }
        return out;
    }
}
