package hyp.compiler.ad;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forward sweep of adjoint code: copies the nodes of the code being differentiated, and makes each loop at
 * the level it runs push every iteration's inputs (and what the iteration popped) on the tape and count its trips,
 * so that the reverse sweep can run the trips backwards. Nested regions are copied as they are: their reverse
 * recomputes them.
 *
 * <p>When the reverse sweep recomputes a loop body, the body's pops must not pop the tape of the code being
 * differentiated again: a {@link #replaying} copy hands back what this code stored when the body first ran.
 */
final class ForwardTaping implements Loop.Copier {
    private final IrBuilder b;
    private final Primals primals;
    private final Var tape;
    private final Map<Node, Var> trips;
    /** While a loop body is recomputed: the values its pops produced, replayed from this code's own tape. */
    private final Map<Var, Var> replay;

    /** {@code tape} is null when the code has no loop. */
    ForwardTaping(IrBuilder b, Primals primals, Var tape) {
        this(b, primals, tape, new IdentityHashMap<>(), null);
    }

    private ForwardTaping(IrBuilder b, Primals primals, Var tape, Map<Node, Var> trips, Map<Var, Var> replay) {
        this.b = b;
        this.primals = primals;
        this.tape = tape;
        this.trips = trips;
        this.replay = replay;
    }

    /** Whether the adjoint of {@code block} needs a tape: it has a loop. */
    static boolean needsTape(Block block) {
        boolean[] found = {false};
        IrWalk.nodes(block, n -> found[0] |= Loop.of(n) != null);
        return found[0];
    }

    /** The same sweep, with each pop of the code being differentiated giving the value {@code popped} holds. */
    ForwardTaping replaying(Map<Var, Var> popped) {
        return new ForwardTaping(b, primals, tape, trips, popped);
    }

    Var tape() {
        return tape;
    }

    /** How many trips a loop that this sweep taped ran. */
    Var trips(Loop loop) {
        return trips.get(loop.node());
    }

    /** Copies nodes; loops at this level also push each iteration's inputs and count their trips. */
    void run(List<Node> nodes) {
        for (Node n : nodes) {
            var old = b.at(n.span());
            Loop loop = Loop.of(n);
            if (loop != null) {
                taped(loop);
            } else {
                copy(n);
            }
            b.at(old);
        }
    }

    @Override
    public Var value(Var old) {
        return primals.get(old);
    }

    @Override
    public Var fresh(Type type, String hint) {
        return b.fresh(type, hint);
    }

    @Override
    public Block region(Block old, List<Var> extraParams) {
        List<Var> params = new ArrayList<>(primals.rename(old.params()));
        params.addAll(extraParams);
        return b.block(params, () -> {
            for (Node n : old.nodes()) copy(n);
            return primals.get(old.results());
        });
    }

    /** A plain copy of a node, its regions included (no taping: their reverse recomputes them). */
    private void copy(Node n) {
        if (n instanceof Node.Const c) {
            b.add(new Node.Const(primals.rename(c.out()), c.value(), c.span()));
        } else if (n instanceof Node.Op op) {
            if (replay != null && op.prim() == Prims.TAPE_POP) {
                primals.set(op.out(), replay.get(op.out()));
                return;
            }
            if (replay != null && op.prim() == Prims.TAPE_PUSH) {
                primals.set(op.out(), primals.get(op.arg(0))); // the stored values are replayed; pushing them again would only grow the tape
                return;
            }
            List<Var> args = primals.get(op.args());
            b.add(new Node.Op(primals.rename(op.out()), op.prim(), args, op.attr(), op.span()));
        } else if (n instanceof Node.If i) {
            Block then = region(i.then(), List.of());
            Block orElse = region(i.orElse(), List.of());
            b.add(new Node.If(primals.get(i.cond()), then, orElse, primals.rename(i.outs()), i.span()));
        } else {
            Loop loop = Loop.of(n);
            Block body = region(loop.body(), List.of());
            b.add(loop.copy(body, primals.get(loop.init()), primals.rename(loop.outs()), this));
        }
    }

    /** The loop carrying one more value, its trip count, and a body that pushes its inputs on the tape. */
    private void taped(Loop loop) {
        Var bodyTrips = b.fresh(Type.INT, "trips");
        Block body = tapedBody(loop.body(), bodyTrips);
        List<Var> init = new ArrayList<>(primals.get(loop.init()));
        init.add(b.integer(0));
        List<Var> outs = new ArrayList<>(primals.rename(loop.outs()));
        Var count = b.fresh(Type.INT, "trips");
        outs.add(count);
        b.add(loop.copy(body, init, outs, this));
        trips.put(loop.node(), count);
    }

    /**
     * A loop body that first pushes its inputs, then runs as before (pushing what each of its pops returns) and
     * counts one more trip.
     */
    private Block tapedBody(Block old, Var tripsParam) {
        List<Var> params = new ArrayList<>(primals.rename(old.params()));
        params.add(tripsParam);
        return b.block(params, () -> {
            for (Var p : old.params()) b.op(Prims.TAPE_PUSH, tape, primals.get(p));
            for (Node n : old.nodes()) {
                requireNoNestedTapeOps(n);
                copy(n);
                if (isPop(n)) b.op(Prims.TAPE_PUSH, tape, primals.get(((Node.Op) n).out()));
            }
            List<Var> results = new ArrayList<>(primals.get(old.results()));
            results.add(b.op(Prims.ADD, tripsParam, b.integer(1)));
            return results;
        });
    }

    static boolean isPop(Node n) {
        return n instanceof Node.Op op && op.prim() == Prims.TAPE_POP;
    }

    private static boolean isTapeOp(Node n) {
        return n instanceof Node.Op op && (op.prim() == Prims.TAPE_PUSH || op.prim() == Prims.TAPE_POP);
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
            if (n.span() != null) throw CompileException.at(n.span(), message);
            throw new InternalCompilerError(null, message);
        }
    }
}
