package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cotangent tapes of adjoint code whose input itself uses tapes (reverse over reverse): the cotangent of a
 * value popped from a tape travels back, on a tape of its own, to the push that stored the value. Each tape of
 * the code being differentiated gets its own cotangent tape: pushes and pops of one tape are nested in time, but
 * those of several tapes interleave (third-order code holds the first adjoint's tape, the second's and its
 * cotangent tape), so one shared cotangent tape would hand a cotangent to the wrong push.
 */
final class CotangentTapes {
    private final Map<Var, Var> byTape = new LinkedHashMap<>();

    /** Creates, in {@code b}, one cotangent tape for each tape that the code in {@code body} pushes to or pops from. */
    static CotangentTapes create(IrBuilder b, Block body) {
        CotangentTapes out = new CotangentTapes();
        IrWalk.nodes(body, n -> {
            if (n instanceof Node.Op op && (op.prim() == Prims.TAPE_PUSH || op.prim() == Prims.TAPE_POP)) {
                out.byTape.computeIfAbsent(op.arg(0), t -> b.op(Prims.TAPE_CREATE));
            }
        });
        return out;
    }

    /** The cotangent tape of the tape a push or pop of the differentiated code acts on. */
    Var of(Node.Op tapeOp) {
        Var t = byTape.get(tapeOp.arg(0));
        if (t == null) throw new IllegalStateException("no cotangent tape for " + tapeOp);
        return t;
    }
}
