package hyp.compiler.check;

import hyp.runtime.hyper.HypergradientMethod;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Ident;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks optimizer blocks and the train / tune statements that use them. */
final class DeclChecker {
    private final Checker checker;

    DeclChecker(Checker checker) {
        this.checker = checker;
    }

    /** Settings are real constants; the blocks are checked with w as an opaque parameter tensor. */
    void optimizer(Decl.Optimizer o) {
        Set<String> names = new HashSet<>();
        for (Decl.Setting s : o.settings()) {
            if (!names.add(s.name().name())) {
                checker.diagnostics().error(s.name().span(), "setting '" + s.name().name() + "' appears twice");
            }
            constant(s.value(), "setting '" + s.name().name() + "'");
        }
        // The parameters' shape is unknown until a train statement uses the optimizer; "size(w)" is no name a
        // file can write, so it matches only itself and reads well in messages.
        body(o, Type.tensor(Dim.named("size(w)")));
    }

    /** The optimizer's blocks as they run for a parameter of type {@code w}. */
    private void body(Decl.Optimizer o, Type w) {
        BodyChecker b = new BodyChecker(checker, false, w);
        b.scope.put("w", w);
        b.scope.put("t", Type.INT);
        b.scope.readOnly.put("t", "the step counter");
        for (Decl.Setting s : o.settings()) {
            b.scope.put(s.name().name(), Type.REAL);
            b.scope.readOnly.put(s.name().name(), "setting");
        }
        if (o.init() != null) b.block(o.init());
        if (o.step() != null) b.block(o.step());
        if (b.scope.get("w") != null && !b.scope.get("w").equals(w)) {
            checker.diagnostics().error(o.name().span(), "optimizer '" + o.name().name() + "' changes the type of w");
        }
        if (o.until() != null) b.exprs.expect(o.until(), Type.BOOL, "the until rule");
    }

    private void constant(Expr e, String what) {
        ExprChecker ec = new ExprChecker(checker.diagnostics(), checker.typing(), checker.constantNames(), n -> null);
        ec.expect(e, Type.REAL, what);
    }

    void train(Decl.Train t) {
        targets(t.targets(), Decl.VarKind.PARAM, "train");
        loss(t.loss());
        if (t.steps() != null) count(t.steps(), t.epochs() ? "the number of epochs" : "the number of steps");
        if (t.batch() != null) {
            count(t.batch().size(), "the batch size");
            if (t.batch().seed() != null && !(t.batch().seed() instanceof Expr.Num n && n.integer())) {
                checker.diagnostics().error(t.batch().seed().span(), "the shuffle seed must be an integer literal");
            }
        }
        // The steps a schedule may be indexed over; -1 when they are known only at run time (epochs of batches).
        int steps = t.steps() == null ? Decl.Train.DEFAULT_STEPS
                : t.epochs() && t.batch() != null ? -1
                : t.steps() instanceof Expr.Num n && n.integer() && n.value() >= 1 ? (int) n.value() : -1;
        TrainSettings settings = new TrainSettings(checker, steps);
        settings.start(t);
        use(t.by(), settings);
    }

    void tune(Decl.Tune t) {
        targets(t.targets(), Decl.VarKind.HYPER, "tune");
        loss(t.loss());
        use(t.by(), null);
        if (t.rounds() != null) count(t.rounds(), "the number of rounds");
        if (t.method() != null) {
            try {
                if (HypergradientMethod.parse(t.method().name()) instanceof HypergradientMethod.Complex) {
                    checker.diagnostics().error(t.method().span(), "the complex step checks one hypergradient and "
                            + "does not tune: use 'hyp hypergrad FILE --method complex'");
                }
            } catch (IllegalArgumentException e) {
                checker.diagnostics().error(t.method().span(), e.getMessage());
            }
        }
    }

    private void count(Expr e, String what) {
        if (!(e instanceof Expr.Num n) || !n.integer() || n.value() < 1) {
            checker.diagnostics().error(e.span(), what + " must be a positive integer literal");
        }
    }

    private void targets(List<Ident> targets, Decl.VarKind kind, String verb) {
        for (Ident id : targets) {
            Global g = checker.globals().get(id.name());
            if (g == null) {
                checker.diagnostics().error(id.span(), "undefined name '" + id.name() + "'; " + verb + " needs a "
                        + kind.keyword());
            } else if (g.kind() != kind) {
                checker.diagnostics().error(id.span(), "'" + id.name() + "' is a " + g.kind().keyword() + "; " + verb
                        + " needs a " + kind.keyword());
            }
        }
    }

    /** A loss is a def returning a real whose parameters all name data, params or hypers. */
    private void loss(Ident name) {
        CheckedDef def = checker.def(name.name());
        if (def == null) {
            checker.diagnostics().error(name.span(), "undefined loss '" + name.name() + "'; expected a def");
            return;
        }
        if (def.result() != null && !def.result().isReal()) {
            checker.diagnostics().error(name.span(), "loss '" + name.name() + "' returns " + def.result() + ", not real");
        }
        for (Decl.Param p : def.decl().params()) {
            if (!checker.globals().containsKey(p.name().name())) {
                checker.diagnostics().error(name.span(), "loss '" + name.name() + "' has parameter '" + p.name().name()
                        + "' that names no data, param or hyper");
            }
        }
    }

    /** An optimizer use; {@code train} checks a train statement's settings (null: a tune's, which are constants). */
    private void use(Decl.OptimizerUse use, TrainSettings train) {
        String name = use.name().name();
        Decl.Optimizer declared = checker.optimizers().get(name);
        if (declared == null) {
            checker.diagnostics().error(use.name().span(), "unknown optimizer '" + name + "'; declare it with "
                    + "'optimizer " + name + "(...) {...}' or use one of " + String.join(", ",
                    checker.optimizers().keySet().stream().sorted().toList()));
            return;
        }
        Set<String> known = new HashSet<>();
        for (Decl.Setting s : declared.settings()) known.add(s.name().name());
        for (Decl.Setting s : use.settings()) {
            if (!known.contains(s.name().name())) {
                checker.diagnostics().error(s.name().span(), "optimizer '" + name + "' has no setting '" + s.name().name() + "'");
            }
            if (train == null) {
                constant(s.value(), "setting '" + s.name().name() + "'");
            } else {
                train.check(s);
            }
        }
    }
}
