package hyp.runtime.reverse;

import java.util.List;

/**
 * Consecutive updates whose increments read none of the group's targets: all of them can be computed by one
 * call from the state before the group, and, equally, from the state after it (which is what the inverse has).
 *
 * @param updates    in step order
 * @param increments returns one increment per update, then the until flag if {@code yieldsStop}
 * @param yieldsStop whether the function also evaluates the optimizer's until rule (only for the last group,
 *                   when the rule reads none of its targets)
 */
public record UpdateGroup(List<Update> updates, IncrementFunction increments, boolean yieldsStop) {
    public UpdateGroup {
        updates = List.copyOf(updates);
        if (updates.isEmpty()) throw new IllegalArgumentException("UpdateGroup: no updates");
        for (Update u : updates) {
            if (u.implicit() && updates.size() > 1) {
                throw new IllegalArgumentException("UpdateGroup: implicit update " + u.name() + " must be alone in its group");
            }
        }
    }

    /** Whether this group is one update whose increment reads its own target. */
    public boolean implicit() {
        return updates.get(0).implicit();
    }
}
