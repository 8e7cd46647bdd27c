package hyp.compiler.check;

import hyp.compiler.diag.Diagnostics;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Ident;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Types expressions. A {@code null} type means "already reported": callers stay silent about it, so one mistake
 * gives one message.
 */
final class ExprChecker {
    private final Diagnostics diagnostics;
    private final Typing typing;
    private final Names names;
    private final Function<String, CheckedDef> defs;

    /** Resolution of plain names: locals, then the file's data/param/hyper, then dimension names. */
    interface Names {
        Type local(String name);

        Global global(String name);

        boolean dim(String name);

        /** Called when a global is read, so defs know which globals they need. */
        void readGlobal(String name);

        /** The type of {@code w} when checking an optimizer (grad(w) is allowed), else null. */
        Type optimizerParam();

        /**
         * Why a name that resolves to nothing is not bound here: null when it was never bound (so it is undefined),
         * "" when its binding already failed with a reported error, else a message saying why.
         */
        default String unbound(String name) {
            return null;
        }
    }

    ExprChecker(Diagnostics diagnostics, Typing typing, Names names, Function<String, CheckedDef> defs) {
        this.diagnostics = diagnostics;
        this.typing = typing;
        this.names = names;
        this.defs = defs;
    }

    Type check(Expr e) {
        Type t = typeOf(e);
        if (t != null) typing.types.put(e, t);
        return t;
    }

    /** Checks e where a value of type {@code expected} is needed (an int may stand for a real). */
    boolean expect(Expr e, Type expected, String what) {
        Type t = check(e);
        if (t == null) return false;
        if (t.equals(expected)) return true;
        if (expected.isReal() && t.isInt()) {
            typing.toReal.add(e);
            return true;
        }
        diagnostics.error(e.span(), what + " must be " + expected + ", not " + t);
        return false;
    }

    private Type typeOf(Expr e) {
        if (e instanceof Expr.Num n) return n.integer() ? Type.INT : Type.REAL;
        if (e instanceof Expr.Bool) return Type.BOOL;
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Unary u) return unary(u);
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Index i) return index(i);
        return tensorLiteral((Expr.TensorLit) e);
    }

    private Type name(Expr.Name n) {
        Type local = names.local(n.name());
        if (local != null) return local;
        Global g = names.global(n.name());
        if (g != null) {
            names.readGlobal(n.name());
            return g.type();
        }
        if (names.dim(n.name())) return Type.INT;
        String why = names.unbound(n.name());
        if (why != null) {
            if (!why.isEmpty()) diagnostics.error(n.span(), why);
            return null;
        }
        if (defs.apply(n.name()) != null || Builtins.isBuiltin(n.name())) {
            diagnostics.error(n.span(), "'" + n.name() + "' is a function; call it with (...)");
        } else {
            diagnostics.error(n.span(), "undefined name '" + n.name() + "'");
        }
        return null;
    }

    private Type unary(Expr.Unary u) {
        Type t = check(u.operand());
        if (t == null) return null;
        switch (u.op()) {
            case NOT:
                if (!t.isBool()) return fail(u, "'not' takes a bool, not " + t);
                return Type.BOOL;
            case NEG:
                return apply(u, Prims.NEG, List.of(u.operand()), List.of(t));
            default:
                if (!t.numeric()) return fail(u, "'+' cannot take " + t);
                return t;
        }
    }

    private Type binary(Expr.Binary b) {
        Type l = check(b.left()), r = check(b.right());
        if (l == null || r == null) return null;
        List<Expr> args = List.of(b.left(), b.right());
        List<Type> types = List.of(l, r);
        switch (b.op()) {
            case ADD: return apply(b, Prims.ADD, args, types);
            case SUB: return apply(b, Prims.SUB, args, types);
            case MUL: return apply(b, Prims.MUL, args, types);
            case DIV: return apply(b, Prims.DIV, args, realsFrom(args, types));
            case POW: return apply(b, Prims.POW, args, realsFrom(args, types));
            case MATMUL: return apply(b, Prims.MATMUL, args, types);
            case LT: return apply(b, Prims.LT, args, types);
            case LE: return apply(b, Prims.LE, args, types);
            case GT: return apply(b, Prims.GT, args, types);
            case GE: return apply(b, Prims.GE, args, types);
            case EQ: return apply(b, Prims.EQ, args, types);
            case NE: return apply(b, Prims.NE, args, types);
            case AND: return apply(b, Prims.AND, args, types);
            default: return apply(b, Prims.OR, args, types);
        }
    }

    /** For / and ^, whose results are real even for two ints. */
    private List<Type> realsFrom(List<Expr> args, List<Type> types) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).isInt()) {
                typing.toReal.add(args.get(i));
                out.add(Type.REAL);
            } else {
                out.add(types.get(i));
            }
        }
        return out;
    }

    /**
     * Applies a primitive's shape rule; an int beside a real or tensor becomes a real first. The message of a
     * broken rule is reported at the whole expression.
     */
    Type apply(Expr at, Primitive p, List<Expr> args, List<Type> types) {
        List<Type> actual = new ArrayList<>(types);
        boolean anyReal = types.stream().anyMatch(t -> t.isReal() || t.isTensor());
        if (anyReal && p != Prims.MATMUL) {
            for (int i = 0; i < actual.size(); i++) {
                if (actual.get(i).isInt()) {
                    typing.toReal.add(args.get(i));
                    actual.set(i, Type.REAL);
                }
            }
        }
        try {
            return p.resultType(actual, null);
        } catch (ShapeError e) {
            return fail(at, e.getMessage());
        }
    }

    private Type call(Expr.Call c) {
        String name = c.callee().name();
        for (Expr.Arg a : c.args()) {
            if (a.name() != null) {
                diagnostics.error(a.name().span(), "named arguments are only for optimizer settings, not in a call of '" + name + "'");
                return null;
            }
        }
        List<Expr> args = c.args().stream().map(Expr.Arg::value).toList();
        // In an optimizer grad(x) and loss(x) are of the loss being minimised; grad(f, x, ...) is the built-in.
        if (names.optimizerParam() != null && (name.equals("loss") || (name.equals("grad") && !ofDef(args)))) {
            Type w = names.optimizerParam();
            if (args.size() != 1) {
                return fail(c, "inside an optimizer, " + name + " takes one point: " + name + "(w)"
                        + (name.equals("grad") ? "; grad(f, x, ...) differentiates a def f" : ""));
            }
            Type at = check(args.get(0));
            if (at == null) return null;
            if (!at.equals(w)) return fail(args.get(0), name + "(...) takes a point like w (" + w + "), not " + at);
            typing.callees.put(c, name.equals("grad") ? new Callee.GradOfLoss() : new Callee.LossOf());
            return name.equals("grad") ? w : Type.REAL;
        }
        if (DerivativeCalls.isDerivative(name)) return new DerivativeCalls(this, names, defs).check(c, args);
        if (name.equals(MapCalls.NAME)) return new MapCalls(this, names, defs).check(c, args);
        CheckedDef def = defs.apply(name);
        if (def != null) return callDef(c, def, args);
        if (name.equals("loss")) return fail(c.callee(), "'loss' is only available inside an optimizer");
        if (!Builtins.isBuiltin(name)) return fail(c.callee(), "undefined function '" + name + "'");
        return Builtins.check(this, c, args, diagnostics);
    }

    /** grad(f, x, ...) with f a def: the derivative built-in, also inside an optimizer. */
    private boolean ofDef(List<Expr> args) {
        return args.size() >= 2 && args.get(0) instanceof Expr.Name f && defs.apply(f.name()) != null;
    }

    private Type callDef(Expr.Call c, CheckedDef def, List<Expr> args) {
        if (def.result() == null) return null; // its own errors were reported
        if (args.size() != def.paramTypes().size()) {
            return fail(c, "'" + def.name() + "' takes " + def.paramTypes().size() + " argument"
                    + (def.paramTypes().size() == 1 ? "" : "s") + ", not " + args.size());
        }
        boolean ok = true;
        for (int i = 0; i < args.size(); i++) {
            Type want = def.paramTypes().get(i);
            ok &= want != null && expect(args.get(i), want, "argument " + (i + 1) + " of '" + def.name() + "'");
        }
        for (String g : def.globals()) names.readGlobal(g);
        typing.callees.put(c, new Callee.Def(def));
        return ok ? def.result() : null;
    }

    void markReal(Expr e) {
        typing.toReal.add(e);
    }

    void resolve(Expr.Call c, Callee callee) {
        typing.callees.put(c, callee);
    }

    /** A size argument of zeros/ones/fill: a dimension name or an integer literal. */
    Dim sizeOf(Expr e) {
        if (e instanceof Expr.Num n && n.integer()) {
            check(e);
            return Dim.of((int) n.value());
        }
        if (e instanceof Expr.Name n && names.local(n.name()) == null && names.global(n.name()) == null && names.dim(n.name())) {
            check(e);
            return Dim.named(n.name());
        }
        diagnostics.error(e.span(), "a size must be a dimension name or an integer literal");
        return null;
    }

    private Type index(Expr.Index ix) {
        Type t = check(ix.target());
        if (t == null) return null;
        if (!(t instanceof Type.Tensor tensor)) return fail(ix.target(), "cannot index a " + t);
        List<Expr.IndexArg> in = ix.indices();
        for (Expr.IndexArg a : in) {
            if (a instanceof Expr.Point p) {
                if (!expect(p.at(), Type.INT, "an index")) return null;
            } else {
                Expr.Slice s = (Expr.Slice) a;
                if (s.from() != null && !expect(s.from(), Type.INT, "a slice bound")) return null;
                if (s.to() != null && !expect(s.to(), Type.INT, "a slice bound")) return null;
            }
        }
        String outOfRange = IndexForms.outOfRange(ix, tensor);
        if (outOfRange != null) return fail(ix, outOfRange);
        IndexSpec spec = IndexForms.classify(ix, tensor);
        if (spec == null) return fail(ix, "unsupported indexing of " + t + ": use x[i], X[i, j], X[i], X[i, :], X[:, j] or x[a:b]");
        typing.indexSpecs.put(ix, spec);
        try {
            return spec.partType(tensor);
        } catch (ShapeError e) {
            return fail(ix, e.getMessage());
        }
    }

    private Type tensorLiteral(Expr.TensorLit lit) {
        if (lit.elements().isEmpty()) return fail(lit, "an empty tensor literal has no shape; use zeros(...)");
        List<Type> types = new ArrayList<>();
        for (Expr e : lit.elements()) {
            Type t = check(e);
            if (t == null) return null;
            if (t.isInt()) {
                typing.toReal.add(e);
                t = Type.REAL;
            }
            types.add(t);
        }
        return apply(lit, Prims.STACK, lit.elements(), types);
    }

    Type fail(Expr at, String message) {
        diagnostics.error(at.span(), message);
        return null;
    }

    Type fail(Ident at, String message) {
        diagnostics.error(at.span(), message);
        return null;
    }
}
