package hyp.compiler.check;

import hyp.compiler.syntax.Block;
import hyp.compiler.syntax.Stmt;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks statements of a def body or an optimizer block, tracking which local names are bound where. */
final class BodyChecker implements ExprChecker.Names {
    private final Checker checker;
    final ExprChecker exprs;
    Scope scope = new Scope();
    /** Globals read, directly or through called defs. */
    final Set<String> readGlobals = new LinkedHashSet<>();
    /** Types of the values returned, for inferring the result type; null when returns are not allowed here. */
    final List<Type> returns;
    private final Type optimizerParam;
    /** Names whose binding failed with a reported error (a bad value, an untyped parameter): uses stay silent. */
    final Set<String> failed = new HashSet<>();
    /** Every local bound so far, to tell "assigned only on some paths" from "never assigned". */
    private final Set<String> everBound = new HashSet<>();

    BodyChecker(Checker checker, boolean allowReturn, Type optimizerParam) {
        this.checker = checker;
        this.returns = allowReturn ? new ArrayList<>() : null;
        this.optimizerParam = optimizerParam;
        this.exprs = new ExprChecker(checker.diagnostics(), checker.typing(), this, checker::def);
    }

    @Override
    public Type local(String name) {
        return scope.get(name);
    }

    @Override
    /** Optimizers see only w, t, their settings and their own variables: they are reusable across files. */
    public Global global(String name) {
        return optimizerParam != null ? null : checker.globals().get(name);
    }

    @Override
    public boolean dim(String name) {
        return checker.dims().contains(name);
    }

    @Override
    public void readGlobal(String name) {
        readGlobals.add(name);
    }

    @Override
    public Type optimizerParam() {
        return optimizerParam;
    }

    @Override
    public String unbound(String name) {
        if (failed.contains(name)) return "";
        if (everBound.contains(name)) {
            return "'" + name + "' may have no value here: it is assigned only inside a loop or on one branch of an if";
        }
        return null;
    }

    void block(Block b) {
        for (Stmt s : b.stmts()) stmt(s);
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            assign(a);
        } else if (s instanceof Stmt.If i) {
            exprs.expect(i.cond(), Type.BOOL, "an if condition");
            Scope before = scope;
            scope = before.copy();
            block(i.then());
            Scope afterThen = scope;
            scope = before.copy();
            if (i.orElse() != null) block(i.orElse());
            scope = Scope.merge(before, afterThen, scope);
        } else if (s instanceof Stmt.While w) {
            exprs.expect(w.cond(), Type.BOOL, "a while condition");
            Scope before = scope;
            scope = before.copy();
            block(w.body());
            scope = before;
        } else if (s instanceof Stmt.For f) {
            exprs.expect(f.from(), Type.INT, "a loop bound");
            exprs.expect(f.to(), Type.INT, "a loop bound");
            Scope before = scope;
            scope = before.copy();
            scope.put(f.var().name(), Type.INT);
            scope.readOnly.put(f.var().name(), "loop variable");
            block(f.body());
            scope = before;
        } else {
            Stmt.Return r = (Stmt.Return) s;
            if (returns == null) {
                checker.diagnostics().error(r.span(), "'return' is only allowed in a def");
                exprs.check(r.value());
                return;
            }
            Type t = exprs.check(r.value());
            if (t != null) returns.add(t);
        }
    }

    private void assign(Stmt.Assign a) {
        String name = a.target().name();
        Type old = scope.get(name);
        if (scope.readOnly.containsKey(name)) {
            checker.diagnostics().error(a.target().span(), "cannot assign to " + scope.readOnly.get(name) + " '" + name + "'");
            return;
        }
        if (old == null && checker.globals().containsKey(name) && optimizerParam == null) {
            Global g = checker.globals().get(name);
            checker.diagnostics().error(a.target().span(), "cannot assign to " + g.kind().keyword() + " '" + name
                    + "' inside " + (optimizerParam == null ? "a def" : "an optimizer")
                    + "; it is declared at line " + g.decl().span().line());
            exprs.check(a.value());
            return;
        }
        Type t = exprs.check(a.value());
        if (t == null) {
            if (old == null) failed.add(name);
            return;
        }
        if (old == null) {
            scope.put(name, t);
            everBound.add(name);
        } else if (!old.equals(t)) {
            if (old.isReal() && t.isInt()) {
                exprs.markReal(a.value());
                return;
            }
            checker.diagnostics().error(a.value().span(), "'" + name + "' holds " + old + " but is assigned " + t
                    + (old.isInt() && t.isReal() ? " (bind it as a real first, e.g. " + name + " = 0.0)" : ""));
        }
    }

    /** True when every path through the block ends in a return. */
    static boolean returns(Block b) {
        for (Stmt s : b.stmts()) {
            if (s instanceof Stmt.Return) return true;
            if (s instanceof Stmt.If i && i.orElse() != null && returns(i.then()) && returns(i.orElse())) return true;
        }
        return false;
    }
}
