package hyp.compiler.check;

import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks {@code map(f, A1, ..., Ak)}: def f applied to each row of A1..Ak (its i-th parameter takes a row of Ai; the
 * data, params and hypers f reads are shared by all rows), giving f's result with a leading axis of one entry per
 * row. All Ai have the same number of rows. Lowered by batching f's code ({@code hyp.compiler.lower.Batching}).
 */
final class MapCalls {
    static final String NAME = "map";
    private static final String USAGE = "map(f, X1, ..., Xk) applies def f to each row of X1..Xk";

    private final ExprChecker exprs;
    private final ExprChecker.Names names;
    private final Function<String, CheckedDef> defs;

    MapCalls(ExprChecker exprs, ExprChecker.Names names, Function<String, CheckedDef> defs) {
        this.exprs = exprs;
        this.names = names;
        this.defs = defs;
    }

    /** The call's type, or null after reporting what is wrong with it. */
    Type check(Expr.Call c, List<Expr> args) {
        if (args.isEmpty()) return exprs.fail(c, "'map' needs a def and its data: " + USAGE);
        Expr f = args.get(0);
        CheckedDef def = f instanceof Expr.Name n ? defs.apply(n.name()) : null;
        if (def == null) {
            String what = f instanceof Expr.Name n ? "'" + n.name() + "' is not a def" : "the first argument of 'map' must be "
                    + "the name of a def";
            return exprs.fail(f, what + "; " + USAGE);
        }
        if (def.result() == null) return null; // its own errors were reported
        int k = def.paramTypes().size();
        if (k == 0) return exprs.fail(f, "'" + def.name() + "' has no parameter to take rows; " + USAGE);
        if (args.size() != k + 1) {
            return exprs.fail(c, "'map' of '" + def.name() + "' takes '" + def.name() + "' and one tensor of rows for each of its "
                    + k + " parameter" + (k == 1 ? "" : "s") + ": " + (k + 1) + " arguments, not " + args.size());
        }
        if (!def.result().differentiable()) {
            return exprs.fail(f, "'map' needs a def with a real or real tensor result; '" + def.name() + "' returns "
                    + def.result());
        }
        boolean ok = true;
        Dim rows = null;
        Expr first = null;
        for (int i = 0; i < k; i++) {
            Expr a = args.get(i + 1);
            Type t = exprs.check(a);
            Type want = def.paramTypes().get(i);
            if (t == null || want == null) {
                ok = false;
                continue;
            }
            String what = "argument " + (i + 2) + " of 'map' (rows for parameter '" + def.paramNames().get(i) + "' of '"
                    + def.name() + "')";
            if (!(t instanceof Type.Tensor x) || !rowType(x).equals(want)) {
                exprs.fail(a, what + " must be a tensor whose rows are " + want + ", like " + batchOf(want) + ", not " + t);
                ok = false;
                continue;
            }
            Dim n = x.dims().get(0);
            if (rows == null) {
                rows = n;
                first = a;
            } else if (!rows.equals(n)) {
                exprs.fail(a, "the arguments of 'map' must have the same number of rows: '" + first.span().text() + "' has "
                        + rows + " rows, '" + a.span().text() + "' has " + n);
                ok = false;
            }
        }
        for (String g : def.globals()) names.readGlobal(g);
        if (!ok) return null;
        exprs.resolve(c, new Callee.Map(def));
        List<Dim> dims = new ArrayList<>();
        dims.add(rows);
        if (def.result() instanceof Type.Tensor r) dims.addAll(r.dims());
        return new Type.Tensor(dims);
    }

    private static Type rowType(Type.Tensor x) {
        List<Dim> d = x.dims();
        return d.size() == 1 ? Type.REAL : new Type.Tensor(d.subList(1, d.size()));
    }

    private static String batchOf(Type row) {
        List<Dim> dims = new ArrayList<>();
        dims.add(Dim.named("n"));
        if (row instanceof Type.Tensor t) dims.addAll(t.dims());
        return new Type.Tensor(dims).toString();
    }
}
