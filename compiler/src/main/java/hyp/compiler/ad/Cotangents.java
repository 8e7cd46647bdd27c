package hyp.compiler.ad;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cotangents accumulated so far in one region of the reverse sweep, by value of the code being differentiated.
 * Only values that can carry one get one: reals and tensors that depend on the differentiated inputs (see
 * {@link Activity}). A region nested in another (a branch, a loop's reversed body) starts from a copy, so that
 * what it adds stays inside it.
 */
final class Cotangents {
    private final IrBuilder b;
    private final Set<Var> varied;
    private final Map<Var, Var> byValue;

    Cotangents(IrBuilder b, Set<Var> varied) {
        this(b, varied, new HashMap<>());
    }

    private Cotangents(IrBuilder b, Set<Var> varied, Map<Var, Var> byValue) {
        this.b = b;
        this.varied = varied;
        this.byValue = byValue;
    }

    /** The cotangents a nested region starts from: these, in a map of its own. */
    Cotangents inner() {
        return new Cotangents(b, varied, new HashMap<>(byValue));
    }

    /** Whether {@code v} can carry a cotangent: real or tensor, and dependent on the inputs. */
    boolean carries(Var v) {
        return v.type().differentiable() && varied.contains(v);
    }

    /** The values of a set that can carry a cotangent. */
    List<Var> active(Set<Var> vars) {
        return vars.stream().filter(this::carries).toList();
    }

    /** Adds {@code c} (null: nothing) to the cotangent of {@code v}. */
    void add(Var v, Var c) {
        if (c == null || !carries(v)) return;
        Var before = byValue.get(v);
        byValue.put(v, before == null ? c : b.add(before, c));
    }

    /** The cotangent of {@code v}, or null if none has reached it. */
    Var get(Var v) {
        return byValue.get(v);
    }

    boolean has(Var v) {
        return byValue.containsKey(v);
    }

    /** {@code c} is the whole cotangent of {@code v} from now on. */
    void set(Var v, Var c) {
        byValue.put(v, c);
    }

    /** {@code v}'s cotangent starts again from none (a loop body's parameter, fresh each trip). */
    void clear(Var v) {
        byValue.remove(v);
    }

    /** The cotangent of {@code v}, or an explicit zero shaped like its value in the adjoint code. */
    Var orZero(Var v, Primals primals) {
        return Tangents.orZero(b, byValue.get(v), primals.get(v));
    }
}
