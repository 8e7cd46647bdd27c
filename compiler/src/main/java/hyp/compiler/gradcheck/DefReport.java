package hyp.compiler.gradcheck;

import java.util.EnumMap;
import java.util.Map;

/**
 * What checking one def found: per comparison the largest error over the points and how many points it was
 * measured at; how many draws were rejected (the def or its complex step not finite there, or throwing); how
 * many central-difference steps were taken and skipped for changing the path; and a failure message when the
 * check could not run (derivative code that throws, no valid point at all).
 */
public record DefReport(String def, Map<Comparison, Stat> stats, int points, int redrawn, int steps, int skippedSteps,
                        String failure) {
    /** The largest error of one comparison and the number of points behind it. */
    public record Stat(double maxError, int points) {}

    public DefReport {
        stats = Map.copyOf(stats);
    }

    /** A def that could not be checked at all. */
    static DefReport failed(String def, String failure) {
        return new DefReport(def, new EnumMap<>(Comparison.class), 0, 0, 0, 0, failure);
    }

    /** True when the check ran and every error is within its comparison's tolerance. */
    public boolean passed() {
        if (failure != null) return false;
        for (Comparison c : Comparison.values()) {
            Stat s = stats.get(c);
            if (s != null && !(s.maxError() <= c.tolerance)) return false;
        }
        return true;
    }
}
