package hyp.runtime.data;

import java.util.List;

/**
 * Bound data whose shapes do not fit the {@code data} declarations: wrong rank, a literal size not met,
 * or one symbolic dimension given two sizes. All problems found are reported together, one per line.
 */
public final class DataShapeException extends RuntimeException {
    private final List<String> problems;

    /** @param problems one self-contained sentence per problem, in declaration order */
    public DataShapeException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("DataShapeException: no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the data, its origin and the mismatch. */
    public List<String> problems() {
        return problems;
    }
}
