package hyp.runtime.reverse;

import hyp.runtime.train.Layout;
import java.util.List;

/**
 * An optimizer step as a sequence of reversible updates, over the state layout of its compiled dynamics.
 *
 * @param state    the dynamics' state layout: the memory entries (w first), then the until flag when
 *                 {@code stops}
 * @param memory   the number of memory entries (all entries but the until flag)
 * @param groups   the updates in step order, grouped by shared increment functions
 * @param stopRule evaluates the until rule on the state after the step (one Boolean); null when there is no
 *                 rule or the last group computes it
 * @param stops    whether the optimizer has an until rule, which freezes the state once it holds
 */
public record UpdateSequence(Layout state, int memory, List<UpdateGroup> groups, IncrementFunction stopRule,
                             boolean stops) {
    public UpdateSequence {
        groups = List.copyOf(groups);
        if (state.count() != memory + (stops ? 1 : 0)) {
            throw new IllegalArgumentException("UpdateSequence: " + state.count() + " state entries for " + memory
                    + " memory entries" + (stops ? " and an until flag" : ""));
        }
        for (int g = 0; g < groups.size(); g++) {
            UpdateGroup group = groups.get(g);
            if (group.yieldsStop() && (g != groups.size() - 1 || !stops)) {
                throw new IllegalArgumentException("UpdateSequence: only the last group may compute the until rule");
            }
            for (Update u : group.updates()) {
                if (u.target() < 0 || u.target() >= memory) {
                    throw new IllegalArgumentException("UpdateSequence: update of " + u.name() + " targets entry "
                            + u.target() + ", not a memory entry");
                }
            }
        }
        boolean computed = !groups.isEmpty() && groups.get(groups.size() - 1).yieldsStop();
        if (stops && !computed && stopRule == null) {
            throw new IllegalArgumentException("UpdateSequence: the until rule has no function");
        }
    }

    /** The length of the memory part of the flattened state (which comes first). */
    public int memorySize() {
        return state.offset(memory);
    }

    /** Where the until flag sits in the flattened state, or −1 without a rule. */
    public int stopSlot() {
        return stops ? memorySize() : -1;
    }

    /**
     * Information-buffer growth of one step in bits, summed over the updates' elements: Σ size·log2(1/γ).
     * For Adam with d weights this is d·(log2(10/9) + log2(1000/999)).
     */
    public double bufferBitsPerStep() {
        double bits = 0;
        for (UpdateGroup g : groups) {
            for (Update u : g.updates()) bits += state.size(u.target()) * u.bitsPerStep();
        }
        return bits;
    }

    /** The updates in step order, e.g. "w = w - f; g...; m = 9/10·m + f", for messages and reports. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (UpdateGroup g : groups) {
            if (b.length() > 0) b.append("; ");
            b.append(g.updates().stream().map(Update::toString).reduce((x, y) -> x + ", " + y).orElse(""));
            if (g.yieldsStop()) b.append(" (and until)");
        }
        return b.toString();
    }
}
