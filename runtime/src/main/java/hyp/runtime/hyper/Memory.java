package hyp.runtime.hyper;

/**
 * Peak memory a strategy held in stored states (snapshots kept for the reverse sweep). The O(1) working
 * vectors every strategy needs (current state, next state, adjoints) are not counted.
 *
 * @param storedStates largest number of state snapshots held at the same time
 * @param storedBytes  the same in bytes ({@code storedStates · stateSize · 8})
 */
public record Memory(long storedStates, long storedBytes) {
    /** Memory of {@code states} snapshots of {@code stateSize} doubles each. */
    public static Memory ofStates(long states, int stateSize) {
        return new Memory(states, states * stateSize * (long) Double.BYTES);
    }

    /** No stored states. */
    public static final Memory NONE = new Memory(0, 0);
}
