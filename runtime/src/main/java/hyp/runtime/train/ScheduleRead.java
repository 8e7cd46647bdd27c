package hyp.runtime.train;

import hyp.runtime.Tensor;

/**
 * A train statement's setting that reads a hyper at an index {@code t + offset} (a per-step schedule), checked
 * against the hyper's size before a run of a given number of steps: a dimension sized only at run time cannot be
 * checked when the file is compiled.
 *
 * @param hyper  the hyper read
 * @param axis   the axis indexed by the step
 * @param offset c in {@code t + c}
 * @param where  the index's location and text, as {@code file:line:col: 'sched[t - 1]'}
 */
public record ScheduleRead(String hyper, int axis, int offset, String where) {
    /** Throws {@link IllegalArgumentException} naming the read when steps 1 … {@code steps} index outside the hyper. */
    public void check(Object value, int steps) {
        if (steps < 1 || !(value instanceof Tensor t) || axis >= t.rank()) return;
        long first = 1L + offset, last = (long) steps + offset;
        int size = t.shape[axis];
        if (first < 0 || last >= size) {
            throw new IllegalArgumentException(where + " is read at t = 1 … " + steps + ", indices " + first + " … " + last
                    + " on axis " + axis + ", but hyper '" + hyper + "' has " + size + " entries there (0 … " + (size - 1)
                    + "); give it at least " + (last + 1) + " entries or run fewer steps");
        }
    }
}
