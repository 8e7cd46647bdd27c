package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks one def: its parameters, its body, and that every path returns a value of one type. */
final class DefChecker {
    private final Checker checker;
    private final Decl.Def def;

    DefChecker(Checker checker, Decl.Def def) {
        this.checker = checker;
        this.def = def;
    }

    CheckedDef check() {
        BodyChecker body = new BodyChecker(checker, true, null);
        List<Type> paramTypes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (Decl.Param p : def.params()) {
            String name = p.name().name();
            if (!seen.add(name)) {
                checker.diagnostics().error(p.name().span(), "parameter '" + name + "' appears twice");
                ok = false;
            }
            Type t = paramType(p);
            ok &= t != null;
            paramTypes.add(t);
            if (t != null) body.scope.put(name, t);
            else body.failed.add(name);
        }
        Type result = null;
        if (def.exprBody() != null) {
            result = body.exprs.check(def.exprBody());
        } else {
            body.block(def.blockBody());
            if (!BodyChecker.returns(def.blockBody())) {
                checker.diagnostics().error(def.name().span(), "def '" + def.name().name()
                        + "' can reach its end without returning a value");
                ok = false;
            }
            result = unify(body.returns);
        }
        if (def.ret() != null && result != null) {
            Type declared = checker.type(def.ret());
            if (declared != null && !declared.equals(result) && !(declared.isReal() && result.isInt())) {
                checker.diagnostics().error(def.ret().span(), "def '" + def.name().name() + "' is declared to return "
                        + declared + " but returns " + result);
                ok = false;
            }
            if (declared != null) result = declared;
        }
        if (!ok) result = null;
        List<String> globals = checker.globals().keySet().stream()
                .filter(g -> body.readGlobals.contains(g) && !seen.contains(g)).toList();
        return new CheckedDef(def, paramTypes, result, globals);
    }

    private Type paramType(Decl.Param p) {
        if (p.type() != null) return checker.type(p.type());
        Global g = checker.globals().get(p.name().name());
        if (g != null) return g.type();
        checker.diagnostics().error(p.name().span(), "parameter '" + p.name().name() + "' needs a type, e.g. "
                + p.name().name() + ": real (no data, param or hyper has that name)");
        return null;
    }

    /** One type for all returns: equal types, or ints and reals together as real. */
    private Type unify(List<Type> returns) {
        if (returns.isEmpty()) return null;
        Type t = returns.get(0);
        for (Type r : returns) {
            if (r.equals(t)) continue;
            if ((r.isReal() && t.isInt()) || (r.isInt() && t.isReal())) {
                t = Type.REAL;
                continue;
            }
            checker.diagnostics().error(def.name().span(), "def '" + def.name().name() + "' returns both " + t + " and " + r);
            return null;
        }
        return t;
    }
}
