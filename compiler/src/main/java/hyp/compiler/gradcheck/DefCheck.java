package hyp.compiler.gradcheck;

import hyp.compiler.ir.Function;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks one def's derivative code at random points ({@link RandomInputs}, {@link PointCheck}). A draw where the
 * def or its complex step throws or is not finite is rejected and drawn again, up to {@value #MAX_DRAWS} times per
 * point; derivative code that throws where the def itself is fine fails the check.
 */
public final class DefCheck {
    public static final int MAX_DRAWS = 50;

    private DefCheck() {}

    /** {@code points} points drawn from {@code seed}; the report names the def. */
    public static DefReport run(Function def, int points, long seed) {
        DerivativeCode code;
        try {
            code = DerivativeCode.of(def);
        } catch (RuntimeException e) {
            return DefReport.failed(def.name(), "its derivative code could not be generated or compiled: " + e.getMessage());
        }
        return run(code, points, seed);
    }

    public static DefReport run(DerivativeCode code, int points, long seed) {
        String name = code.def.name();
        Random random = new Random(seed);
        Map<Comparison, DefReport.Stat> stats = new EnumMap<>(Comparison.class);
        int done = 0, redrawn = 0, steps = 0, skipped = 0;
        String lastInvalid = null;
        for (int p = 0; p < points; p++) {
            PointCheck.Result result = null;
            for (int attempt = 0; result == null && attempt < MAX_DRAWS; attempt++) {
                List<Object> x = RandomInputs.draw(code.def, random, attempt);
                try {
                    result = PointCheck.at(code, x, random);
                } catch (InvalidPoint e) {
                    redrawn++;
                    lastInvalid = e.getMessage();
                } catch (RuntimeException e) {
                    return new DefReport(name, stats, done, redrawn, steps, skipped,
                            "its derivative code failed where the def is finite: " + e);
                }
            }
            if (result == null) break;
            done++;
            steps += result.steps();
            skipped += result.skippedSteps();
            result.errors().forEach((c, e) -> stats.merge(c, new DefReport.Stat(e, 1),
                    (a, b) -> new DefReport.Stat(Math.max(a.maxError(), b.maxError()), a.points() + b.points())));
        }
        String failure = done > 0 ? null
                : "no point found where it and its complex step are finite in " + MAX_DRAWS + " draws (last: " + lastInvalid + ")";
        return new DefReport(name, stats, done, redrawn, steps, skipped, failure);
    }
}
