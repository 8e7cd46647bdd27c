package hyp.compiler.reverse;

import hyp.compiler.check.Typing;
import hyp.compiler.diag.Span;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an optimizer's step can run backwards, from its statements before lowering. Every
 * assignment to a state variable x must read {@code x = γ·x + f} ({@link UpdateForm}); every other statement
 * defines temporaries (like {@code g = grad(w)}), which the inverse recomputes from the state they read, so
 * that state must not change between their definition and their use. f may read x only through the point
 * of a grad(...) (an implicit update, such as SGD's {@code w = w - lr * grad(w)}, solved for x at run time);
 * any other dependence on x, or a loop or branch that updates state, is reported at the statement at fault.
 */
final class StepAnalysis {
    private final Decl.Optimizer optimizer;
    private final List<Stmt> stmts;
    private final List<String> state;
    private final Map<String, Expr> settings;
    private final Typing typing;
    private final NotInvertible error;
    private final String[] updated;    // per position: the state variable assigned there, or null

    private StepAnalysis(Decl.Optimizer optimizer, Decl.Train train, List<String> state, Map<String, Expr> settings,
                         Typing typing) {
        this.optimizer = optimizer;
        this.stmts = optimizer.step().stmts();
        this.state = state;
        this.settings = settings;
        this.typing = typing;
        this.error = new NotInvertible(optimizer, train);
        this.updated = new String[stmts.size()];
    }

    /**
     * @param state    the optimizer's memory state by its own names, w first
     * @param settings the optimizer's settings with the train statement's overrides
     */
    static StepPlan analyse(Decl.Optimizer optimizer, Decl.Train train, List<String> state, Map<String, Expr> settings,
                            Typing typing) {
        return new StepAnalysis(optimizer, train, state, settings, typing).run();
    }

    private StepPlan run() {
        for (int p = 0; p < stmts.size(); p++) classify(p);
        List<StepPlan.Update> updates = new ArrayList<>();
        for (int p = 0; p < stmts.size(); p++) if (updated[p] != null) updates.add(update(p));
        List<StepPlan.Group> groups = group(updates);
        Expr until = optimizer.until();
        List<Integer> untilSlice = List.of();
        boolean inLast = false;
        if (until != null) {
            untilSlice = slice(stmts.size(), NameUse.reads(until));
            requireUnchanged(untilSlice, stmts.size(), until.span(), "the until rule");
            Set<String> reads = stateReads(NameUse.reads(until), untilSlice);
            StepPlan.Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            inLast = last != null && !last.implicit() && Collections.disjoint(reads, targets(last.updates()));
            if (inLast) groups.set(groups.size() - 1, new StepPlan.Group(last.updates(), true));
        }
        return new StepPlan(stmts, List.copyOf(groups), until, untilSlice, inLast);
    }

    private void classify(int p) {
        Stmt s = stmts.get(p);
        if (s instanceof Stmt.Assign a) {
            if (state.contains(a.target().name())) updated[p] = a.target().name();
            return;
        }
        if (s instanceof Stmt.Return) throw error.at(s.span(), "a step cannot return");
        for (String name : NameUse.assigns(s)) {
            if (state.contains(name)) {
                throw error.at(s.span(), "this " + kind(s) + " assigns the state variable '" + name + "': a loop or "
                        + "branch over state updates makes the number or choice of updates depend on values at run "
                        + "time, so the step has no fixed inverse");
            }
        }
    }

    private StepPlan.Update update(int p) {
        Stmt.Assign a = (Stmt.Assign) stmts.get(p);
        String x = a.target().name();
        UpdateForm form = UpdateForm.of(a, new ExactConstant(visibleSettings(p), typing), error);
        Set<String> need = new LinkedHashSet<>();
        for (UpdateForm.Term t : form.increment()) need.addAll(NameUse.reads(t.expr()));
        List<Integer> slice = slice(p, need);
        requireUnchanged(slice, p, a.span(), NotInvertible.quote(a.span()));
        Set<String> reads = stateReads(need, slice);
        boolean implicit = reads.contains(x);
        if (implicit) requireGradientOnly(a, x, form, slice);
        return new StepPlan.Update(p, a, x, state.indexOf(x), form, implicit, slice, reads);
    }

    /** Settings not shadowed by a temporary of the same name assigned before position p. */
    private Map<String, Expr> visibleSettings(int p) {
        Map<String, Expr> out = new LinkedHashMap<>(settings);
        for (int q = 0; q < p; q++) out.keySet().removeAll(NameUse.assigns(stmts.get(q)));
        return out;
    }

    /** Positions before {@code end} of the temporary definitions the names {@code need} depend on. */
    private List<Integer> slice(int end, Set<String> need) {
        List<Integer> out = new ArrayList<>();
        Set<String> n = new HashSet<>(need);
        for (int q = end - 1; q >= 0; q--) {
            if (updated[q] != null) continue;
            Stmt s = stmts.get(q);
            if (Collections.disjoint(NameUse.assigns(s), n)) continue;
            out.add(0, q);
            if (s instanceof Stmt.Assign a) n.remove(a.target().name());
            n.addAll(NameUse.reads(s));
        }
        return out;
    }

    /** Each statement of the slice must see, at {@code end}, the same state it read where it stands. */
    private void requireUnchanged(List<Integer> slice, int end, Span usedAt, String user) {
        for (int q : slice) {
            for (String y : NameUse.reads(stmts.get(q))) {
                if (!state.contains(y)) continue;
                for (int r = q + 1; r < end; r++) {
                    if (y.equals(updated[r])) {
                        throw error.at(usedAt, user + " uses the value computed at " + stmts.get(q).span().location()
                                + " " + NotInvertible.quote(stmts.get(q).span()) + " from '" + y + "', but '" + y
                                + "' changes in between, at " + stmts.get(r).span().location()
                                + "; the inverse could not recompute it");
                    }
                }
            }
        }
    }

    private Set<String> stateReads(Set<String> direct, List<Integer> slice) {
        Set<String> all = new LinkedHashSet<>(direct);
        for (int q : slice) all.addAll(NameUse.reads(stmts.get(q)));
        all.retainAll(state);
        return all;
    }

    /** f reads its own target x: allowed only through the point of grad(...), as in a gradient step. */
    private void requireGradientOnly(Stmt.Assign a, String x, UpdateForm form, List<Integer> slice) {
        Map<String, NameUse.Dependence> temps = new HashMap<>();
        for (int q : slice) {
            Stmt s = stmts.get(q);
            if (s instanceof Stmt.Assign t) {
                temps.put(t.target().name(), NameUse.dependence(t.value(), x, temps, typing));
                continue;
            }
            boolean depends = false;
            for (String n : NameUse.reads(s)) {
                depends |= n.equals(x) || temps.getOrDefault(n, NameUse.Dependence.NONE) != NameUse.Dependence.NONE;
            }
            if (depends) {
                throw error.at(s.span(), "the increment of " + NotInvertible.quote(a.span()) + " depends on '" + x
                        + "' through this " + kind(s) + ": a step found by a search from '" + x + "' (a data-dependent "
                        + "learning rate), which the inverse would need before it knows '" + x + "'");
            }
            for (String n : NameUse.assigns(s)) temps.put(n, NameUse.Dependence.NONE);
        }
        for (UpdateForm.Term term : form.increment()) {
            if (NameUse.dependence(term.expr(), x, temps, typing) != NameUse.Dependence.DIRECT) continue;
            String via = null;
            for (String n : NameUse.reads(term.expr())) {
                if (temps.get(n) == NameUse.Dependence.DIRECT) via = n;
            }
            throw error.at(a.span(), NotInvertible.quote(a.span()) + (via == null
                    ? " reads '" + x + "' in its increment other than through grad(...)"
                    : " uses '" + via + "', which depends on '" + x + "' other than through grad(...)")
                    + ": f must not read the variable it updates (an update x = γ*x + f(grad(..x..)) can be solved "
                    + "for x; one whose f reads x otherwise, like a data-dependent learning rate, cannot)");
        }
    }

    /** Consecutive explicit updates share a group until one reads a target already in it. */
    private static List<StepPlan.Group> group(List<StepPlan.Update> updates) {
        List<StepPlan.Group> out = new ArrayList<>();
        List<StepPlan.Update> current = new ArrayList<>();
        for (StepPlan.Update u : updates) {
            boolean conflict = !Collections.disjoint(u.stateReads(), targets(current));
            if (!current.isEmpty() && (u.implicit() || conflict)) {
                out.add(new StepPlan.Group(List.copyOf(current), false));
                current.clear();
            }
            current.add(u);
            if (u.implicit()) {
                out.add(new StepPlan.Group(List.copyOf(current), false));
                current.clear();
            }
        }
        if (!current.isEmpty()) out.add(new StepPlan.Group(List.copyOf(current), false));
        return out;
    }

    private static Set<String> targets(List<StepPlan.Update> updates) {
        Set<String> out = new HashSet<>();
        for (StepPlan.Update u : updates) out.add(u.target());
        return out;
    }

    private static String kind(Stmt s) {
        return s instanceof Stmt.If ? "branch" : s instanceof Stmt.While ? "while loop" : "for loop";
    }
}
