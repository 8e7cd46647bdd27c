package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse sweep of adjoint code: walks the nodes backwards, asking each primitive's adjoint rule for its
 * arguments' cotangents. A branch is reversed on the same condition, after recomputing it; a loop's trips run
 * backwards, each popping the inputs the forward sweep pushed, recomputing the iteration and reversing it.
 *
 * <p>For code that itself uses tapes (reverse over reverse), the cotangent of a popped value travels back on a
 * cotangent tape to the push that stored it.
 */
final class ReverseSweep {
    private final IrBuilder b;
    private final Primals primals;
    private final ForwardTaping taping;
    private final CotangentTapes cotangentTapes;

    ReverseSweep(IrBuilder b, Primals primals, ForwardTaping taping, CotangentTapes cotangentTapes) {
        this.b = b;
        this.primals = primals;
        this.taping = taping;
        this.cotangentTapes = cotangentTapes;
    }

    /** Reverses {@code nodes}, whose forward sweep has run, adding their inputs' cotangents to {@code cot}. */
    void run(List<Node> nodes, Cotangents cot) {
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Node n = nodes.get(k);
            var old = b.at(n.span());
            Loop loop = Loop.of(n);
            if (n instanceof Node.Op op) {
                op(op, cot);
            } else if (n instanceof Node.If i) {
                branch(i, cot);
            } else if (loop != null) {
                loop(loop, cot);
            }
            b.at(old);
        }
    }

    private void op(Node.Op op, Cotangents cot) {
        if (op.prim() == Prims.TAPE_POP) {
            // the popped value's cotangent waits on the cotangent tape for the push that stored the value
            if (op.out().type().differentiable()) b.op(Prims.TAPE_PUSH, cotangentTapes.of(op), cot.orZero(op.out(), primals));
            return;
        }
        if (op.prim() == Prims.TAPE_PUSH) {
            Var value = op.arg(1);
            if (value.type().differentiable()) cot.add(value, b.op(Prims.TAPE_POP, value.type(), cotangentTapes.of(op)));
            return;
        }
        Var c = cot.get(op.out());
        if (c == null || Prims.effectful(op.prim())) return;
        Node.Op now = new Node.Op(primals.get(op.out()), op.prim(), primals.get(op.args()), op.attr(), op.span());
        List<Var> cs = op.prim().vjp(b, now, c);
        for (int i = 0; i < cs.size(); i++) cot.add(op.arg(i), cs.get(i));
    }

    private void branch(Node.If i, Cotangents cot) {
        boolean flows = i.outs().stream().anyMatch(cot::has);
        if (!flows) return;
        List<Var> free = cot.active(FreeVars.of(List.of(i.then(), i.orElse())));
        Block then = reversedBranch(i.then(), i.outs(), free, cot);
        Block orElse = reversedBranch(i.orElse(), i.outs(), free, cot);
        List<Var> outs = new ArrayList<>();
        for (Var fv : free) {
            Var o = b.fresh(fv.type(), "bar");
            outs.add(o);
            cot.set(fv, o);
        }
        b.add(new Node.If(primals.get(i.cond()), then, orElse, outs, i.span()));
    }

    /** One branch recomputed and reversed, yielding the cotangents of the values from outside it that it read. */
    private Block reversedBranch(Block branch, List<Var> outs, List<Var> free, Cotangents outer) {
        return b.block(List.of(), () -> {
            Cotangents cot = outer.inner();
            taping.run(branch.nodes());
            for (int k = 0; k < outs.size(); k++) cot.add(branch.results().get(k), outer.get(outs.get(k)));
            run(branch.nodes(), cot);
            List<Var> yields = new ArrayList<>();
            for (Var fv : free) yields.add(cot.orZero(fv, primals));
            return yields;
        });
    }

    /** Runs the loop's trips backwards; carries the cotangents of the loop values and of the free values read. */
    private void loop(Loop loop, Cotangents cot) {
        Block body = loop.body();
        List<Var> outs = loop.outs();
        int offset = loop.indexParams();
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) {
            if (cot.carries(outs.get(k))) active.add(k);
        }
        List<Var> free = cot.active(FreeVars.of(body));
        List<Var> loopInit = new ArrayList<>();
        for (int k : active) loopInit.add(cot.orZero(outs.get(k), primals));
        for (Var fv : free) loopInit.add(cot.orZero(fv, primals));

        Var index = b.fresh(Type.INT, "k");
        List<Var> params = new ArrayList<>();
        params.add(index);
        for (Var v : loopInit) params.add(b.fresh(v.type(), "bar"));
        Block reversed = b.block(params, () -> {
            Cotangents inner = cot.inner();
            for (int j = 0; j < free.size(); j++) inner.set(free.get(j), params.get(1 + active.size() + j));
            Map<Var, Var> popped = new HashMap<>();
            List<Node> pops = body.nodes().stream().filter(ForwardTaping::isPop).toList();
            for (int j = pops.size() - 1; j >= 0; j--) {
                Var out = ((Node.Op) pops.get(j)).out();
                popped.put(out, b.op(Prims.TAPE_POP, out.type(), taping.tape()));
            }
            for (int j = body.params().size() - 1; j >= 0; j--) {
                Var bp = body.params().get(j);
                primals.set(bp, b.op(Prims.TAPE_POP, bp.type(), taping.tape()));
            }
            taping.replaying(popped).run(body.nodes());
            for (int k : active) inner.clear(body.params().get(k + offset));
            for (int j = 0; j < active.size(); j++) inner.add(body.results().get(active.get(j)), params.get(1 + j));
            run(body.nodes(), inner);
            List<Var> bodyCots = new ArrayList<>();
            for (int k : active) bodyCots.add(inner.orZero(body.params().get(k + offset), primals));
            for (Var fv : free) bodyCots.add(inner.orZero(fv, primals));
            return bodyCots;
        });
        List<Var> loopOuts = new ArrayList<>();
        for (Var v : loopInit) loopOuts.add(b.fresh(v.type(), "bar"));
        b.add(new Node.For(b.integer(0), taping.trips(loop), loopInit, reversed, loopOuts, loop.node().span()));
        for (int j = 0; j < free.size(); j++) cot.set(free.get(j), loopOuts.get(active.size() + j));
        for (int j = 0; j < active.size(); j++) cot.add(loop.init().get(active.get(j)), loopOuts.get(j));
    }
}
