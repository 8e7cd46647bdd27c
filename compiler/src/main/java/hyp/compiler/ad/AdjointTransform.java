package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adjoint (VJP) code: {@code f(x...) -> y...} becomes {@code f_vjp(x..., ybar...) -> (y..., xbar...)}.
 *
 * <p>A forward sweep computes the values; a reverse sweep walks the nodes backwards, asking each primitive's
 * adjoint rule for its arguments' cotangents. Control flow follows the seed's mod1 rule, the derivative of the
 * path taken: a branch is reversed on the same condition; a loop pushes each iteration's inputs on a tape and
 * counts its trips, and the reverse sweep runs the trips backwards, popping the inputs, recomputing that
 * iteration and reversing it. Nested regions are recomputed the same way, so only loop inputs are stored.
 *
 * <p>Adjoint code can itself be differentiated (the adjoint of an optimizer step that calls grad(w) is a
 * reverse-over-reverse derivative). Its tapes then need two more rules: a value popped inside a loop body is
 * stored like a loop input, so that recomputing the body replays it instead of popping the tape again; and the
 * cotangent of a popped value travels back to the push that stored it on a cotangent tape. Cotangents are only
 * accumulated for values that depend on the differentiated inputs (see {@link Activity}).
 */
public final class AdjointTransform {
    private final IrBuilder b;
    private final Map<Var, Var> primal = new HashMap<>();
    private Map<Var, Var> cot = new HashMap<>();
    private final Map<Node, Var> trips = new IdentityHashMap<>();
    private Var tape;
    /** Cotangents of values that went through a tape of the code being differentiated, from pop back to push. */
    private CotangentTapes cotangentTapes;
    /** While a loop body is recomputed: the values its pops produced, replayed from this code's own tape. */
    private Map<Var, Var> replay;
    private Set<Var> varied = Set.of();

    private AdjointTransform(IrBuilder b) {
        this.b = b;
    }

    public static Function vjp(Function f) {
        boolean[] all = new boolean[f.params().size()];
        java.util.Arrays.fill(all, true);
        return vjp(f, all);
    }

    /**
     * Adjoint code returning cotangents only for the real or tensor parameters marked in {@code wrt}; the
     * others cost nothing (dead-code elimination drops their share of the reverse sweep).
     */
    public static Function vjp(Function f, boolean[] wrt) {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        AdjointTransform t = new AdjointTransform(b);
        t.varied = Activity.of(f, wrt);
        List<Var> params = new ArrayList<>();
        List<String> names = new ArrayList<>(f.paramNames());
        for (Var p : f.params()) params.add(t.rename(p));
        List<Var> seeds = new ArrayList<>();
        for (Var r : f.body().results()) {
            if (!r.type().differentiable()) continue;
            Var s = b.fresh(r.type(), "bar");
            seeds.add(s);
            params.add(s);
            names.add("bar" + (seeds.size() == 1 ? "" : seeds.size()));
        }
        Block body = b.block(params, () -> {
            if (hasLoop(f.body())) t.tape = b.op(Prims.TAPE_CREATE);
            t.cotangentTapes = CotangentTapes.create(b, f.body());
            t.forwardTaped(f.body().nodes());
            int k = 0;
            for (Var r : f.body().results()) {
                if (r.type().differentiable()) t.addCot(r, seeds.get(k++));
            }
            t.reverse(f.body().nodes());
            List<Var> out = new ArrayList<>();
            for (Var r : f.body().results()) out.add(t.p(r));
            for (int i = 0; i < f.params().size(); i++) {
                Var p = f.params().get(i);
                if (wrt[i] && p.type().differentiable()) out.add(Tangents.orZero(b, t.cot.get(p), t.p(p)));
            }
            return out;
        });
        return new Function(f.name() + "_vjp", names, body);
    }

    private static boolean isTapeOp(Node n) {
        return n instanceof Node.Op op && (op.prim() == Prims.TAPE_PUSH || op.prim() == Prims.TAPE_POP);
    }

    private static boolean isPop(Node n) {
        return n instanceof Node.Op op && op.prim() == Prims.TAPE_POP;
    }

    private static boolean hasLoop(Block block) {
        boolean[] found = {false};
        IrWalk.nodes(block, n -> found[0] |= n instanceof Node.While || n instanceof Node.For);
        return found[0];
    }

    private Var rename(Var old) {
        Var v = b.fresh(old.type(), old.hint());
        primal.put(old, v);
        return v;
    }

    private Var p(Var old) {
        Var v = primal.get(old);
        if (v == null) throw new IllegalStateException("value " + old + " used before it is defined");
        return v;
    }

    private void addCot(Var old, Var c) {
        if (c == null || !old.type().differentiable() || !varied.contains(old)) return;
        Var before = cot.get(old);
        cot.put(old, before == null ? c : b.add(before, c));
    }

    // ---- forward sweep ----

    /** Copies nodes; loops at this level also push each iteration's inputs and count their trips. */
    private void forwardTaped(List<Node> nodes) {
        for (Node n : nodes) {
            var old = b.at(n.span());
            if (n instanceof Node.While w) {
                tapedWhile(w);
            } else if (n instanceof Node.For f) {
                tapedFor(f);
            } else {
                copy(n);
            }
            b.at(old);
        }
    }

    /** A plain copy of a node, its regions included (no taping: their reverse recomputes them). */
    private void copy(Node n) {
        if (n instanceof Node.Const c) {
            b.add(new Node.Const(rename(c.out()), c.value(), c.span()));
        } else if (n instanceof Node.Op op) {
            if (replay != null && op.prim() == Prims.TAPE_POP) {
                primal.put(op.out(), replay.get(op.out()));
                return;
            }
            if (replay != null && op.prim() == Prims.TAPE_PUSH) {
                primal.put(op.out(), p(op.arg(0))); // the stored values are replayed; pushing them again would only grow the tape
                return;
            }
            List<Var> args = op.args().stream().map(this::p).toList();
            b.add(new Node.Op(rename(op.out()), op.prim(), args, op.attr(), op.span()));
        } else if (n instanceof Node.If i) {
            Block then = copyRegion(i.then(), List.of());
            Block orElse = copyRegion(i.orElse(), List.of());
            b.add(new Node.If(p(i.cond()), then, orElse, i.outs().stream().map(this::rename).toList(), i.span()));
        } else if (n instanceof Node.While w) {
            Block cond = copyRegion(w.cond(), List.of());
            Block body = copyRegion(w.body(), List.of());
            b.add(new Node.While(w.init().stream().map(this::p).toList(), cond, body,
                    w.outs().stream().map(this::rename).toList(), w.span()));
        } else if (n instanceof Node.For f) {
            Block body = copyRegion(f.body(), List.of());
            b.add(new Node.For(p(f.from()), p(f.to()), f.init().stream().map(this::p).toList(), body,
                    f.outs().stream().map(this::rename).toList(), f.span()));
        }
    }

    private Block copyRegion(Block old, List<Var> extraParams) {
        List<Var> params = new ArrayList<>();
        for (Var p : old.params()) params.add(rename(p));
        params.addAll(extraParams);
        return b.block(params, () -> {
            for (Node n : old.nodes()) copy(n);
            return old.results().stream().map(this::p).toList();
        });
    }

    private void tapedWhile(Node.While w) {
        Var zero = b.integer(0);
        Var condTrips = b.fresh(Type.INT, "trips");
        Block cond = copyRegion(w.cond(), List.of(condTrips));
        Var bodyTrips = b.fresh(Type.INT, "trips");
        Block body = tapedBody(w.body(), bodyTrips);
        List<Var> init = new ArrayList<>(w.init().stream().map(this::p).toList());
        init.add(zero);
        List<Var> outs = new ArrayList<>(w.outs().stream().map(this::rename).toList());
        Var count = b.fresh(Type.INT, "trips");
        outs.add(count);
        b.add(new Node.While(init, cond, body, outs, w.span()));
        trips.put(w, count);
    }

    private void tapedFor(Node.For f) {
        Var bodyTrips = b.fresh(Type.INT, "trips");
        Block body = tapedBody(f.body(), bodyTrips);
        List<Var> init = new ArrayList<>(f.init().stream().map(this::p).toList());
        init.add(b.integer(0));
        List<Var> outs = new ArrayList<>(f.outs().stream().map(this::rename).toList());
        Var count = b.fresh(Type.INT, "trips");
        outs.add(count);
        b.add(new Node.For(p(f.from()), p(f.to()), init, body, outs, f.span()));
        trips.put(f, count);
    }

    /**
     * A loop body that first pushes its inputs, then runs as before (pushing what each of its pops returns) and
     * counts one more trip.
     */
    private Block tapedBody(Block old, Var tripsParam) {
        List<Var> params = new ArrayList<>();
        for (Var p : old.params()) params.add(rename(p));
        params.add(tripsParam);
        return b.block(params, () -> {
            for (Var p : old.params()) b.op(Prims.TAPE_PUSH, tape, p(p));
            for (Node n : old.nodes()) {
                requireNoNestedTapeOps(n);
                copy(n);
                if (isPop(n)) b.op(Prims.TAPE_PUSH, tape, p(((Node.Op) n).out()));
            }
            List<Var> results = new ArrayList<>(old.results().stream().map(this::p).toList());
            results.add(b.op(Prims.ADD, tripsParam, b.integer(1)));
            return results;
        });
    }

    /** Tape operations inside a region nested in a loop body could not be replayed when the body is recomputed. */
    private static void requireNoNestedTapeOps(Node n) {
        for (Block inner : IrWalk.regions(n)) {
            boolean[] found = {false};
            IrWalk.nodes(inner, x -> found[0] |= isTapeOp(x));
            if (!found[0]) continue;
            String message = "not supported yet: the adjoint of a gradient computed inside a loop, or through nested "
                    + "loops, of code that is differentiated again (as the adjoint of an optimizer step is); the "
                    + "implicit and numerical hypergradient methods need no such adjoint";
            if (n.span() != null) throw hyp.compiler.diag.CompileException.at(n.span(), message);
            throw new hyp.compiler.diag.InternalCompilerError(null, message);
        }
    }

    // ---- reverse sweep ----

    private void reverse(List<Node> nodes) {
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Node n = nodes.get(k);
            var old = b.at(n.span());
            if (n instanceof Node.Op op) {
                reverseOp(op);
            } else if (n instanceof Node.If i) {
                reverseIf(i);
            } else if (n instanceof Node.While || n instanceof Node.For) {
                reverseLoop(n);
            }
            b.at(old);
        }
    }

    private void reverseOp(Node.Op op) {
        if (op.prim() == Prims.TAPE_POP) {
            // the popped value's cotangent waits on the cotangent tape for the push that stored the value
            if (op.out().type().differentiable()) b.op(Prims.TAPE_PUSH, cotangentTapes.of(op), Tangents.orZero(b, cot.get(op.out()), p(op.out())));
            return;
        }
        if (op.prim() == Prims.TAPE_PUSH) {
            Var value = op.arg(1);
            if (value.type().differentiable()) addCot(value, b.op(Prims.TAPE_POP, value.type(), cotangentTapes.of(op)));
            return;
        }
        Var c = cot.get(op.out());
        if (c == null || Prims.effectful(op.prim())) return;
        Node.Op now = new Node.Op(p(op.out()), op.prim(), op.args().stream().map(this::p).toList(), op.attr(), op.span());
        List<Var> cs = op.prim().vjp(b, now, c);
        for (int i = 0; i < cs.size(); i++) addCot(op.arg(i), cs.get(i));
    }

    private void reverseIf(Node.If i) {
        boolean flows = i.outs().stream().anyMatch(cot::containsKey);
        if (!flows) return;
        List<Var> free = active(FreeVars.of(List.of(i.then(), i.orElse())));
        Map<Var, Var> outer = cot;
        Block then = reverseBranch(i.then(), i.outs(), free, outer);
        Block orElse = reverseBranch(i.orElse(), i.outs(), free, outer);
        cot = outer;
        List<Var> outs = new ArrayList<>();
        for (Var fv : free) {
            Var o = b.fresh(fv.type(), "bar");
            outs.add(o);
            cot.put(fv, o);
        }
        b.add(new Node.If(p(i.cond()), then, orElse, outs, i.span()));
    }

    private Block reverseBranch(Block branch, List<Var> outs, List<Var> free, Map<Var, Var> outer) {
        return b.block(List.of(), () -> {
            cot = new HashMap<>(outer);
            forwardTaped(branch.nodes());
            for (int k = 0; k < outs.size(); k++) addCot(branch.results().get(k), outer.get(outs.get(k)));
            reverse(branch.nodes());
            List<Var> yields = new ArrayList<>();
            for (Var fv : free) yields.add(Tangents.orZero(b, cot.get(fv), p(fv)));
            return yields;
        });
    }

    /** Runs the loop's trips backwards; carries the cotangents of the loop values and of the free values read. */
    private void reverseLoop(Node n) {
        boolean isFor = n instanceof Node.For;
        Block body = isFor ? ((Node.For) n).body() : ((Node.While) n).body();
        List<Var> init = isFor ? ((Node.For) n).init() : ((Node.While) n).init();
        List<Var> outs = n.defs();
        int offset = isFor ? 1 : 0;
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).type().differentiable() && varied.contains(outs.get(k))) active.add(k);
        }
        List<Var> free = active(FreeVars.of(body));
        List<Var> loopInit = new ArrayList<>();
        for (int k : active) loopInit.add(Tangents.orZero(b, cot.get(outs.get(k)), p(outs.get(k))));
        for (Var fv : free) loopInit.add(Tangents.orZero(b, cot.get(fv), p(fv)));

        Map<Var, Var> outer = cot;
        Var index = b.fresh(Type.INT, "k");
        List<Var> params = new ArrayList<>();
        params.add(index);
        for (Var v : loopInit) params.add(b.fresh(v.type(), "bar"));
        Block reversed = b.block(params, () -> {
            cot = new HashMap<>(outer);
            for (int j = 0; j < free.size(); j++) cot.put(free.get(j), params.get(1 + active.size() + j));
            Map<Var, Var> outerReplay = replay;
            Map<Var, Var> popped = new HashMap<>();
            List<Node> pops = body.nodes().stream().filter(AdjointTransform::isPop).toList();
            for (int j = pops.size() - 1; j >= 0; j--) {
                Var out = ((Node.Op) pops.get(j)).out();
                popped.put(out, b.op(Prims.TAPE_POP, out.type(), tape));
            }
            for (int j = body.params().size() - 1; j >= 0; j--) {
                Var bp = body.params().get(j);
                primal.put(bp, b.op(Prims.TAPE_POP, bp.type(), tape));
            }
            List<Var> bodyCots = new ArrayList<>();
            replay = popped;
            forwardTaped(body.nodes());
            replay = outerReplay;
            for (int j = 0; j < active.size(); j++) {
                Var bp = body.params().get(active.get(j) + offset);
                cot.remove(bp);
            }
            for (int j = 0; j < active.size(); j++) addCot(body.results().get(active.get(j)), params.get(1 + j));
            reverse(body.nodes());
            for (int k : active) {
                Var bp = body.params().get(k + offset);
                bodyCots.add(Tangents.orZero(b, cot.get(bp), p(bp)));
            }
            for (Var fv : free) bodyCots.add(Tangents.orZero(b, cot.get(fv), p(fv)));
            return bodyCots;
        });
        cot = outer;
        List<Var> loopOuts = new ArrayList<>();
        for (Var v : loopInit) loopOuts.add(b.fresh(v.type(), "bar"));
        b.add(new Node.For(b.integer(0), trips.get(n), loopInit, reversed, loopOuts, n.span()));
        for (int j = 0; j < free.size(); j++) cot.put(free.get(j), loopOuts.get(active.size() + j));
        for (int j = 0; j < active.size(); j++) addCot(init.get(active.get(j)), loopOuts.get(j));
    }

    /** The values of a set that can carry a cotangent: real or tensor, and dependent on the inputs. */
    private List<Var> active(Set<Var> vars) {
        return vars.stream().filter(v -> v.type().differentiable() && varied.contains(v)).toList();
    }
}
