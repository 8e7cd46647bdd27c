package hyp.compiler.check;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostics;
import hyp.compiler.diag.Span;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Ident;
import hyp.compiler.syntax.Program;
import hyp.compiler.syntax.TypeRef;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole program: names, types, shapes, def signatures, optimizers and train/tune statements. Every error
 * is collected; {@link #check} throws one {@link CompileException} holding all of them.
 */
public final class Checker {
    private final Program program;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Typing typing = new Typing();
    private final Map<String, Global> globals = new LinkedHashMap<>();
    private final Set<String> dims = new LinkedHashSet<>();
    private final Map<String, Decl.Def> defDecls = new LinkedHashMap<>();
    private final Map<String, CheckedDef> defs = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();
    private final Map<String, Decl.Optimizer> optimizers = new LinkedHashMap<>();
    private final Map<String, Span> declared = new HashMap<>();

    private Checker(Program program) {
        this.program = program;
    }

    public static CheckedProgram check(Program program) {
        return new Checker(program).run();
    }

    private CheckedProgram run() {
        for (Decl d : program.decls()) declare(d);
        for (Global g : globals.values()) checkInit(g);
        for (String name : defDecls.keySet()) def(name);
        DeclChecker statements = new DeclChecker(this);
        Span firstTrain = null, firstTune = null;
        for (Decl d : program.decls()) {
            if (d instanceof Decl.Optimizer o) statements.optimizer(o);
            if (d instanceof Decl.Train t) {
                firstTrain = onlyOne(firstTrain, t.span(), "train");
                statements.train(t);
            }
            if (d instanceof Decl.Tune t) {
                firstTune = onlyOne(firstTune, t.span(), "tune");
                statements.tune(t);
            }
        }
        diagnostics.throwIfErrors();
        return new CheckedProgram(program, globals, defs, optimizers, dims, typing);
    }

    /** A file has at most one train and one tune statement: the commands would run only the first. */
    private Span onlyOne(Span first, Span here, String keyword) {
        if (first == null) return here;
        diagnostics.error(here, "a second " + keyword + " statement; a file has one (the first is at line " + first.line()
                + "); put the other in its own file");
        return first;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Typing typing() {
        return typing;
    }

    Map<String, Global> globals() {
        return globals;
    }

    Map<String, Decl.Optimizer> optimizers() {
        return optimizers;
    }

    Set<String> dims() {
        return dims;
    }

    private boolean claim(Ident name, String what) {
        Span before = declared.get(name.name());
        if (before != null) {
            diagnostics.error(name.span(), what + " '" + name.name() + "' is already declared at line " + before.line());
            return false;
        }
        if (Builtins.isBuiltin(name.name()) && !what.equals("optimizer")) {
            diagnostics.error(name.span(), "'" + name.name() + "' is a built-in function; choose another name");
            return false;
        }
        declared.put(name.name(), name.span());
        return true;
    }

    private void declare(Decl d) {
        if (d instanceof Decl.Var v && claim(v.name(), v.kind().keyword())) {
            Type t = type(v.type());
            if (t != null) globals.put(v.name().name(), new Global(v, t));
        } else if (d instanceof Decl.Def f && claim(f.name(), "def")) {
            defDecls.put(f.name().name(), f);
        } else if (d instanceof Decl.Optimizer o) {
            if (optimizers.containsKey(o.name().name())) {
                diagnostics.error(o.name().span(), "optimizer '" + o.name().name() + "' is already declared");
            } else {
                optimizers.put(o.name().name(), o);
            }
        }
    }

    /** A written type to a type; symbolic dimension names join the file's set. */
    Type type(TypeRef ref) {
        if (ref.dims().isEmpty()) {
            return ref.base() == TypeRef.Base.REAL ? Type.REAL : ref.base() == TypeRef.Base.INT ? Type.INT : Type.BOOL;
        }
        if (ref.base() != TypeRef.Base.REAL) {
            diagnostics.error(ref.span(), "tensors hold reals only: write real[...]");
            return null;
        }
        List<Dim> out = new ArrayList<>();
        for (TypeRef.DimRef d : ref.dims()) {
            if (d.symbolic()) {
                if (globals.containsKey(d.name()) || defDecls.containsKey(d.name())) {
                    diagnostics.error(d.span(), "'" + d.name() + "' names a value, not a dimension");
                    return null;
                }
                dims.add(d.name());
                out.add(Dim.named(d.name()));
            } else {
                out.add(Dim.of(d.size()));
            }
        }
        return new Type.Tensor(out);
    }

    /** Defaults of data/param/hyper: a real broadcast over the shape, or a value of the declared type. */
    private void checkInit(Global g) {
        Expr init = g.decl().init();
        if (init == null) return;
        if (init instanceof Expr.Call c && c.callee().name().equals(RANDOM_DEFAULT)) {
            checkRandomInit(g, c);
            return;
        }
        ExprChecker ec = new ExprChecker(diagnostics, typing, constantNames(), name -> null);
        Type t = ec.check(init);
        if (t == null) return;
        if (t.isInt() && (g.type().isReal() || g.type().isTensor())) {
            typing.toReal.add(init);
            t = Type.REAL;
        }
        if (!t.equals(g.type()) && !(t.isReal() && g.type().isTensor())) {
            diagnostics.error(init.span(), "default of " + g.kind().keyword() + " '" + g.name() + "' must be "
                    + g.type() + (g.type().isTensor() ? " or a real" : "") + ", not " + t);
        }
    }

    /** The default {@code randn(scale)}: seeded normal entries, see {@code hyp.runtime.data.RandomInit}. */
    public static final String RANDOM_DEFAULT = "randn";

    private void checkRandomInit(Global g, Expr.Call c) {
        if (!g.type().differentiable()) {
            diagnostics.error(c.span(), "randn(...) gives real values; " + g.kind().keyword() + " '" + g.name() + "' is " + g.type());
            return;
        }
        if (c.args().size() != 1 || c.args().get(0).name() != null) {
            diagnostics.error(c.span(), "randn takes one argument, the standard deviation: randn(0.1)");
            return;
        }
        new ExprChecker(diagnostics, typing, constantNames(), name -> null).expect(c.args().get(0).value(), Type.REAL,
                "the standard deviation of randn");
    }

    /** Names usable in constant expressions (defaults, settings): dimensions only. */
    ExprChecker.Names constantNames() {
        return new ExprChecker.Names() {
            public Type local(String name) { return null; }
            public Global global(String name) { return null; }
            public boolean dim(String name) { return dims.contains(name); }
            public void readGlobal(String name) {}
            public Type optimizerParam() { return null; }
        };
    }

    /** The checked signature of def {@code name}, checking it first if needed; null if there is no such def. */
    CheckedDef def(String name) {
        if (defs.containsKey(name)) return defs.get(name);
        Decl.Def decl = defDecls.get(name);
        if (decl == null) return null;
        if (inProgress.contains(name)) {
            List<String> cycle = inProgress.subList(inProgress.indexOf(name), inProgress.size());
            diagnostics.error(decl.name().span(), "recursion is not supported: '" + name + "' calls itself"
                    + (cycle.size() > 1 ? " through " + String.join(" → ", cycle.subList(1, cycle.size())) : ""));
            return new CheckedDef(decl, List.of(), null, List.of());
        }
        inProgress.add(name);
        CheckedDef checked = new DefChecker(this, decl).check();
        inProgress.remove(name);
        defs.put(name, checked);
        return checked;
    }

    boolean isDef(String name) {
        return defDecls.containsKey(name);
    }
}
