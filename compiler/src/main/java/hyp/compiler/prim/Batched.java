package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers of the batching rules: a batched value is the per-row value with a leading batch axis (a per-row real is
 * a vector, a per-row tensor one more axis). Element-wise rules bring shared arguments and per-row scalars to the
 * shape of the batched tensor they meet, so the primitive's own shape rule (equal shapes or a real scalar) holds.
 */
final class Batched {
    private Batched() {}

    /** The per-row type of a batched value: its type without the leading axis. */
    static Type row(Var v) {
        List<Dim> dims = ((Type.Tensor) v.type()).dims();
        return dims.size() == 1 ? Type.REAL : new Type.Tensor(dims.subList(1, dims.size()));
    }

    /** The per-row type of an argument, batched or not. */
    static Type row(Var v, boolean batched) {
        return batched ? row(v) : v.type();
    }

    /** The first batched argument: a value whose leading axis counts the rows. */
    static Var rows(List<Var> args, List<Boolean> batched) {
        for (int i = 0; i < args.size(); i++) if (batched.get(i)) return args.get(i);
        throw new IllegalArgumentException("no batched argument");
    }

    /** A shared value (real or tensor) repeated for each row of {@code like}. */
    static Var spread(IrBuilder b, Var shared, Var like) {
        return b.op(Prims.SPREAD_ROWS, shared, like);
    }

    /**
     * The arguments of an element-wise op brought to one batched shape: shared tensors spread over the rows, per-row
     * scalars spread over each row's tensor; shared reals stay scalars (the op broadcasts them).
     */
    static List<Var> aligned(IrBuilder b, List<Var> args, List<Boolean> batched) {
        Var rows = rows(args, batched);
        List<Var> out = new ArrayList<>(args);
        Var full = null; // a batched value of the per-row tensor shape, if the per-row op is on tensors
        for (int i = 0; i < args.size(); i++) {
            if (!row(args.get(i), batched.get(i)).isTensor()) continue;
            if (!batched.get(i)) out.set(i, spread(b, args.get(i), rows));
            if (full == null) full = out.get(i);
        }
        if (full == null) return out;
        for (int i = 0; i < args.size(); i++) {
            if (batched.get(i) && !row(args.get(i)).isTensor()) out.set(i, b.op(Prims.ROW_BROADCAST, args.get(i), full));
        }
        return out;
    }
}
