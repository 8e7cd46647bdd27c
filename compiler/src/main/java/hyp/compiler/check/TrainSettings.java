package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;

/**
 * A train statement's start ({@code from}: an expression of the trained param's declared value and the hypers)
 * and its optimizer settings: real expressions of the file's hypers and of the step number {@code t}
 * (1, 2, … as inside optimizers), so a learning rate, a momentum or a per-step schedule can be tuned. An index of
 * a hyper written {@code t + c} is checked against the hyper's literal size over the statement's steps; against a
 * dimension sized only at run time it is checked when the run starts.
 */
final class TrainSettings {
    private final Checker checker;
    private final int steps;

    /** @param steps the statement's literal step count, or -1 when it is missing or already reported */
    TrainSettings(Checker checker, int steps) {
        this.checker = checker;
        this.steps = steps;
    }

    void check(Decl.Setting s) {
        String what = "setting '" + s.name().name() + "'";
        ExprChecker ec = new ExprChecker(checker.diagnostics(), checker.typing(),
                names(what, "t", Type.INT, " may read hypers and the step number t"), n -> null);
        if (ec.expect(s.value(), Type.REAL, what)) ranges(s.value());
    }

    /** {@code train w from E on ...}: E reads w (its declared or given value) and hypers, and is typed like w. */
    void start(Decl.Train t) {
        if (t.start() == null) return;
        if (t.targets().size() != 1) {
            checker.diagnostics().error(t.start().span(), "a start ('from') is for one trained param; this statement trains "
                    + t.targets().size());
            return;
        }
        String w = t.targets().get(0).name();
        Global g = checker.globals().get(w);
        if (g == null || g.kind() != Decl.VarKind.PARAM) return;
        ExprChecker ec = new ExprChecker(checker.diagnostics(), checker.typing(),
                names("the start of '" + w + "'", w, g.type(), " may read '" + w + "' (its declared value) and hypers"), n -> null);
        ec.expect(t.start(), g.type(), "the start of '" + w + "'");
    }

    /** Hypers, dimensions and one local name of the given type; data and params are refused with {@code may}. */
    private ExprChecker.Names names(String what, String localName, Type localType, String may) {
        return new ExprChecker.Names() {
            public Type local(String name) {
                return name.equals(localName) ? localType : null;
            }

            public Global global(String name) {
                Global g = checker.globals().get(name);
                return g != null && g.kind() == Decl.VarKind.HYPER ? g : null;
            }

            public boolean dim(String name) {
                return checker.dims().contains(name);
            }

            public void readGlobal(String name) {}

            public Type optimizerParam() {
                return null;
            }

            public String unbound(String name) {
                Global g = checker.globals().get(name);
                if (g == null) return null;
                return what + may + ", not " + g.kind().keyword() + " '" + name + "'";
            }
        };
    }

    /** Every {@code h[t + c]} inside e, checked against h's literal sizes for t = 1 … steps. */
    private void ranges(Expr e) {
        for (Expr c : Expr.children(e)) ranges(c);
        if (steps < 1 || !(e instanceof Expr.Index ix) || !(ix.target() instanceof Expr.Name target)) return;
        Global g = checker.globals().get(target.name());
        if (g == null || !(g.type() instanceof Type.Tensor tt)) return;
        for (int k = 0; k < ix.indices().size() && k < tt.rank(); k++) {
            if (!(ix.indices().get(k) instanceof Expr.Point p)) continue;
            Integer offset = StepIndex.offset(p.at());
            Dim d = tt.dims().get(k);
            if (offset == null || d.symbolic()) continue;
            long first = 1L + offset, last = (long) steps + offset;
            if (first < 0 || last >= d.size()) {
                checker.diagnostics().error(p.span(), "index '" + p.span().text() + "' runs from " + first + " to " + last
                        + " over the " + steps + " steps (t = 1 … " + steps + "), but axis " + k + " of hyper '"
                        + target.name() + "' has " + d.size() + " entries (0 … " + (d.size() - 1) + ")");
            }
        }
    }
}
