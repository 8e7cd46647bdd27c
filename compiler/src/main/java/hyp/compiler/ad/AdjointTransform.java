package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adjoint (VJP) code: {@code f(x...) -> y...} becomes {@code f_vjp(x..., ybar...) -> (y..., xbar...)}.
 *
 * <p>A forward sweep ({@link ForwardTaping}) computes the values; a reverse sweep ({@link ReverseSweep}) walks the
 * nodes backwards, asking each primitive's adjoint rule for its arguments' cotangents. Control flow follows the
 * seed's mod1 rule, the derivative of the path taken: a branch is reversed on the same condition; a loop pushes
 * each iteration's inputs on a tape and counts its trips, and the reverse sweep runs the trips backwards, popping
 * the inputs, recomputing that iteration and reversing it. Nested regions are recomputed the same way, so only
 * loop inputs are stored.
 *
 * <p>Adjoint code can itself be differentiated (the adjoint of an optimizer step that calls grad(w) is a
 * reverse-over-reverse derivative). Its tapes then need two more rules: a value popped inside a loop body is
 * stored like a loop input, so that recomputing the body replays it instead of popping the tape again; and the
 * cotangent of a popped value travels back to the push that stored it on a cotangent tape ({@link CotangentTapes}).
 * Cotangents are only accumulated for values that depend on the differentiated inputs (see {@link Activity}).
 */
public final class AdjointTransform {
    private AdjointTransform() {}

    public static Function vjp(Function f) {
        boolean[] all = new boolean[f.params().size()];
        Arrays.fill(all, true);
        return vjp(f, all);
    }

    /**
     * Adjoint code returning cotangents only for the real or tensor parameters marked in {@code wrt}; the
     * others cost nothing (dead-code elimination drops their share of the reverse sweep).
     */
    public static Function vjp(Function f, boolean[] wrt) {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Primals primals = new Primals(b);
        Cotangents cot = new Cotangents(b, Activity.of(f, wrt));
        List<Var> params = new ArrayList<>(primals.rename(f.params()));
        List<String> names = new ArrayList<>(f.paramNames());
        List<Var> seeds = new ArrayList<>();
        for (Var r : f.body().results()) {
            if (!r.type().differentiable()) continue;
            Var s = b.fresh(r.type(), "bar");
            seeds.add(s);
            params.add(s);
            names.add("bar" + (seeds.size() == 1 ? "" : seeds.size()));
        }
        Block body = b.block(params, () -> {
            Var tape = ForwardTaping.needsTape(f.body()) ? b.op(Prims.TAPE_CREATE) : null;
            ForwardTaping taping = new ForwardTaping(b, primals, tape);
            CotangentTapes cotangentTapes = CotangentTapes.create(b, f.body());
            taping.run(f.body().nodes());
            int k = 0;
            for (Var r : f.body().results()) {
                if (r.type().differentiable()) cot.add(r, seeds.get(k++));
            }
            new ReverseSweep(b, primals, taping, cotangentTapes).run(f.body().nodes(), cot);
            List<Var> out = new ArrayList<>(primals.get(f.body().results()));
            for (int i = 0; i < f.params().size(); i++) {
                Var p = f.params().get(i);
                if (wrt[i] && p.type().differentiable()) out.add(cot.orZero(p, primals));
            }
            return out;
        });
        return new Function(f.name() + "_vjp", names, body);
    }
}
