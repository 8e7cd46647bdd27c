package hyp.compiler.check;

import hyp.compiler.prim.IndexSpec;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Type;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** What checking learned about expressions: their types, the ints used as reals, calls and index forms. */
public final class Typing {
    final Map<Expr, Type> types = new IdentityHashMap<>();
    final Set<Expr> toReal = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Expr.Call, Callee> callees = new IdentityHashMap<>();
    final Map<Expr.Index, IndexSpec> indexSpecs = new IdentityHashMap<>();

    public Type type(Expr e) {
        return types.get(e);
    }

    /** True when e has type int but stands where a real is needed. */
    public boolean convertsToReal(Expr e) {
        return toReal.contains(e);
    }

    public Callee callee(Expr.Call c) {
        return callees.get(c);
    }

    public IndexSpec indexSpec(Expr.Index i) {
        return indexSpecs.get(i);
    }
}
