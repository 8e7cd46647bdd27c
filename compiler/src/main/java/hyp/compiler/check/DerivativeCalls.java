package hyp.compiler.check;

import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Type;
import java.util.List;
import java.util.function.Function;

/**
 * Checks the derivative built-ins {@code grad(f, a1, ..., ak)}, {@code jvp(f, a1, ..., ak, v)},
 * {@code vjp(f, a1, ..., ak, u)} and {@code hvp(f, a1, ..., ak, v)}: f names a def (the language has no function
 * values) and is differentiated in its first parameter, which must be real or a real tensor, at (a1, ..., ak).
 */
final class DerivativeCalls {
    private final ExprChecker exprs;
    private final ExprChecker.Names names;
    private final Function<String, CheckedDef> defs;

    DerivativeCalls(ExprChecker exprs, ExprChecker.Names names, Function<String, CheckedDef> defs) {
        this.exprs = exprs;
        this.names = names;
        this.defs = defs;
    }

    static boolean isDerivative(String name) {
        return DerivativeKind.of(name) != null;
    }

    /** The call's type, or null after reporting what is wrong with it. */
    Type check(Expr.Call c, List<Expr> args) {
        DerivativeKind kind = DerivativeKind.of(c.callee().name());
        String usage = kind.keyword() + "(f, a1, ..., ak" + (kind.extra() == null ? "" : ", v")
                + ") differentiates def f in its first parameter";
        CheckedDef def = args.isEmpty() ? null : defNamed(args.get(0));
        if (def == null) {
            if (kind == DerivativeKind.GRAD && args.size() == 1) {
                // grad(x) is the optimizer form; say so rather than "x is not a def".
                return exprs.fail(c.callee(), "'grad' is only available inside an optimizer with one argument, grad(w); "
                        + "elsewhere " + usage);
            }
            if (args.isEmpty()) return exprs.fail(c, "'" + kind.keyword() + "' needs a def: " + usage);
            Expr first = args.get(0);
            String what = first instanceof Expr.Name n ? "'" + n.name() + "' is not a def" : "the first argument of '"
                    + kind.keyword() + "' must be the name of a def";
            return exprs.fail(first, what + "; " + usage);
        }
        if (def.result() == null) return null; // its own errors were reported
        Expr f = args.get(0);
        int k = def.paramTypes().size();
        if (k == 0) return exprs.fail(f, "'" + def.name() + "' has no parameter to differentiate in; " + usage);
        int wanted = k + 1 + (kind.extra() == null ? 0 : 1);
        if (args.size() != wanted) {
            return exprs.fail(c, "'" + kind.keyword() + "' of '" + def.name() + "' takes '" + def.name() + "', its " + k
                    + " argument" + (k == 1 ? "" : "s") + (kind.extra() == null ? "" : " and " + kind.extra()) + ": "
                    + wanted + " arguments, not " + args.size());
        }
        boolean ok = signature(kind, def, f);
        for (int i = 0; i < k; i++) {
            Type want = def.paramTypes().get(i);
            ok &= want != null && exprs.expect(args.get(i + 1), want, "argument " + (i + 1) + " of '" + def.name() + "'");
        }
        Type x = def.paramTypes().get(0);
        if (kind.extra() != null && x != null) {
            Type want = kind == DerivativeKind.VJP ? def.result() : x;
            ok &= want.differentiable() && exprs.expect(args.get(k + 1), want, kind.extra() + " of '" + kind.keyword() + "'");
        }
        ok &= globals(def, f);
        if (!ok) return null;
        exprs.resolve(c, new Callee.Derivative(kind, def));
        return kind == DerivativeKind.JVP ? def.result() : x;
    }

    /** The def that expression names, or null. */
    private CheckedDef defNamed(Expr e) {
        return e instanceof Expr.Name n ? defs.apply(n.name()) : null;
    }

    /** Whether f can be differentiated this way: a real or tensor first parameter, and a fitting result. */
    private boolean signature(DerivativeKind kind, CheckedDef def, Expr f) {
        Type x = def.paramTypes().get(0);
        boolean ok = true;
        if (x != null && !x.differentiable()) {
            exprs.fail(f, "'" + def.name() + "' cannot be differentiated in its first parameter '" + def.paramNames().get(0)
                    + "': it is " + x + ", not real or a real tensor");
            ok = false;
        }
        boolean scalar = kind == DerivativeKind.GRAD || kind == DerivativeKind.HVP;
        if (scalar && !def.result().isReal()) {
            exprs.fail(f, "'" + kind.keyword() + "' needs a def with a real result; '" + def.name() + "' returns "
                    + def.result() + (def.result().differentiable() ? " (jvp and vjp take tensor results)" : ""));
            ok = false;
        } else if (!def.result().differentiable()) {
            exprs.fail(f, "'" + kind.keyword() + "' needs a def with a real or real tensor result; '" + def.name()
                    + "' returns " + def.result());
            ok = false;
        }
        return ok;
    }

    /**
     * The globals f reads become the caller's too. Optimizers see no data, params or hypers (they are reusable
     * across files), so there f must read none.
     */
    private boolean globals(CheckedDef def, Expr f) {
        if (names.optimizerParam() != null && !def.globals().isEmpty()) {
            exprs.fail(f, "inside an optimizer, '" + def.name() + "' cannot be differentiated: it reads '"
                    + def.globals().get(0) + "', and optimizers see only w, t, their settings and their own variables");
            return false;
        }
        for (String g : def.globals()) names.readGlobal(g);
        return true;
    }
}
