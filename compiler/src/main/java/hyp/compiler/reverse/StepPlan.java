package hyp.compiler.reverse;

import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import java.util.List;
import java.util.Set;

/**
 * The reversible form of an optimizer's step, as {@link StepAnalysis} found it.
 *
 * @param stmts      the step block's statements
 * @param groups     the state updates in step order, grouped so that one function computes a group's increments
 * @param until      the until rule, or null
 * @param untilSlice positions of the statements the until rule needs recomputed (ascending)
 * @param untilInLastGroup whether the last group's function evaluates the until rule too
 */
record StepPlan(List<Stmt> stmts, List<Group> groups, Expr until, List<Integer> untilSlice, boolean untilInLastGroup) {
    /**
     * One state update {@code x = γ·x + f}.
     *
     * @param position   its index in the step block
     * @param target     x, by the optimizer's name for it
     * @param stateIndex x's index in the optimizer state (0 is w)
     * @param implicit   whether f reads x (through grad only)
     * @param slice      positions of the earlier statements f needs recomputed (ascending)
     * @param stateReads the state variables f reads, directly or through those statements
     */
    record Update(int position, Stmt.Assign stmt, String target, int stateIndex, UpdateForm form, boolean implicit,
                  List<Integer> slice, Set<String> stateReads) {
        /** The sign the runtime applies: that of a lone term, else + (the function returns the signed sum). */
        int sign() {
            return form.increment().size() == 1 ? form.increment().get(0).sign() : 1;
        }
    }

    /** Updates whose increments one function computes; see {@code hyp.runtime.reverse.UpdateGroup}. */
    record Group(List<Update> updates, boolean yieldsStop) {
        boolean implicit() {
            return updates.get(0).implicit();
        }
    }
}
