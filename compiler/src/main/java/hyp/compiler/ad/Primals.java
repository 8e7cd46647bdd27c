package hyp.compiler.ad;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The values of the adjoint code that stand for the values of the code being differentiated. */
final class Primals {
    private final IrBuilder b;
    private final Map<Var, Var> byOld = new HashMap<>();

    Primals(IrBuilder b) {
        this.b = b;
    }

    /** A fresh value of the adjoint code standing for {@code old} from now on. */
    Var rename(Var old) {
        Var v = b.fresh(old.type(), old.hint());
        byOld.put(old, v);
        return v;
    }

    List<Var> rename(List<Var> old) {
        return old.stream().map(this::rename).toList();
    }

    /** {@code now} stands for {@code old} from now on. */
    void set(Var old, Var now) {
        byOld.put(old, now);
    }

    Var get(Var old) {
        Var v = byOld.get(old);
        if (v == null) throw new IllegalStateException("value " + old + " used before it is defined");
        return v;
    }

    List<Var> get(List<Var> old) {
        return old.stream().map(this::get).toList();
    }
}
