package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;

/**
 * A train statement's optimizer settings: real expressions of the file's hypers and of the step number {@code t}
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
        ExprChecker ec = new ExprChecker(checker.diagnostics(), checker.typing(), names(what), n -> null);
        if (ec.expect(s.value(), Type.REAL, what)) ranges(s.value());
    }

    private ExprChecker.Names names(String what) {
        return new ExprChecker.Names() {
            public Type local(String name) {
                return name.equals("t") ? Type.INT : null;
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
                return what + " may read hypers and the step number t, not " + g.kind().keyword() + " '" + name + "'";
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
