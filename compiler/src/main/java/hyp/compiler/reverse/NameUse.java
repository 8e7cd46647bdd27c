package hyp.compiler.reverse;

import hyp.compiler.check.Callee;
import hyp.compiler.check.Typing;
import hyp.compiler.syntax.Block;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which names expressions and statements read and assign, and how a value depends on one variable. */
final class NameUse {
    /** How a value depends on a variable x: not at all, only through the point of a grad(...), or otherwise. */
    enum Dependence { NONE, THROUGH_GRAD, DIRECT;

        Dependence max(Dependence o) {
            return compareTo(o) >= 0 ? this : o;
        }
    }

    private NameUse() {}

    static Set<String> reads(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    /** Names read anywhere in a statement: values, conditions, loop bounds and nested statements. */
    static Set<String> reads(Stmt s) {
        Set<String> out = new LinkedHashSet<>();
        collect(s, out);
        return out;
    }

    /** Names assigned anywhere in a statement (a for loop's variable included). */
    static Set<String> assigns(Stmt s) {
        Set<String> out = new LinkedHashSet<>();
        assigned(s, out);
        return out;
    }

    /**
     * How {@code e} depends on {@code x}, given how the temporaries in scope do ({@code temps}). A grad(p)
     * whose point p depends on x in any way depends on it through grad: it is the optimizer's gradient step.
     */
    static Dependence dependence(Expr e, String x, Map<String, Dependence> temps, Typing typing) {
        if (e instanceof Expr.Name n) {
            if (n.name().equals(x)) return Dependence.DIRECT;
            return temps.getOrDefault(n.name(), Dependence.NONE);
        }
        if (e instanceof Expr.Call c && typing.callee(c) instanceof Callee.GradOfLoss) {
            Dependence point = Dependence.NONE;
            for (Expr a : children(e)) point = point.max(dependence(a, x, temps, typing));
            return point == Dependence.NONE ? Dependence.NONE : Dependence.THROUGH_GRAD;
        }
        Dependence d = Dependence.NONE;
        for (Expr a : children(e)) d = d.max(dependence(a, x, temps, typing));
        return d;
    }

    /** The direct sub-expressions of e. */
    static List<Expr> children(Expr e) {
        return Expr.children(e);
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Name n) out.add(n.name());
        for (Expr c : children(e)) collect(c, out);
    }

    private static void collect(Stmt s, Set<String> out) {
        if (s instanceof Stmt.Assign a) collect(a.value(), out);
        else if (s instanceof Stmt.If i) {
            collect(i.cond(), out);
            collect(i.then(), out);
            if (i.orElse() != null) collect(i.orElse(), out);
        } else if (s instanceof Stmt.While w) {
            collect(w.cond(), out);
            collect(w.body(), out);
        } else if (s instanceof Stmt.For f) {
            collect(f.from(), out);
            collect(f.to(), out);
            collect(f.body(), out);
        } else if (s instanceof Stmt.Return r) {
            collect(r.value(), out);
        }
    }

    private static void collect(Block b, Set<String> out) {
        for (Stmt s : b.stmts()) collect(s, out);
    }

    private static void assigned(Stmt s, Set<String> out) {
        if (s instanceof Stmt.Assign a) out.add(a.target().name());
        else if (s instanceof Stmt.If i) {
            for (Stmt t : i.then().stmts()) assigned(t, out);
            if (i.orElse() != null) for (Stmt t : i.orElse().stmts()) assigned(t, out);
        } else if (s instanceof Stmt.While w) {
            for (Stmt t : w.body().stmts()) assigned(t, out);
        } else if (s instanceof Stmt.For f) {
            out.add(f.var().name());
            for (Stmt t : f.body().stmts()) assigned(t, out);
        }
    }
}
