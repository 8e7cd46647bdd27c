package hyp.compiler.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report of {@code hyp check}: one row per def and comparison, then notes on rejected points and skipped steps. */
public final class CheckTable {
    private CheckTable() {}

    public static String format(List<DefReport> reports) {
        int width = "def".length();
        for (DefReport r : reports) width = Math.max(width, r.def().length());
        int labels = 0;
        for (Comparison c : Comparison.values()) labels = Math.max(labels, c.label.length());
        String row = "%-" + width + "s  %-" + labels + "s  %6s  %14s  %9s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "def", "comparison", "points", "max rel. error", "tolerance", "result"));
        List<String> notes = new ArrayList<>();
        for (DefReport r : reports) {
            if (r.failure() != null) notes.add(r.def() + ": FAILED: " + r.failure());
            for (Comparison c : Comparison.values()) {
                DefReport.Stat s = r.stats().get(c);
                String result = s == null ? (r.failure() != null ? "FAILED" : "not measured")
                        : s.maxError() <= c.tolerance ? "ok" : "FAILED";
                out.append(String.format(Locale.ROOT, row, r.def(), c.label, s == null ? "0" : Integer.toString(s.points()),
                        s == null ? "-" : error(s.maxError()), error(c.tolerance), result));
            }
            if (r.redrawn() > 0) {
                notes.add(r.def() + ": " + r.redrawn() + " draw" + (r.redrawn() == 1 ? "" : "s")
                        + " rejected and drawn again (the def or its complex step threw or was not finite there)");
            }
            if (r.skippedSteps() > 0) {
                notes.add(r.def() + ": " + r.skippedSteps() + " of " + r.steps() + " central-difference steps skipped"
                        + " (x ± h took another path, or another side of a kink of abs/relu/max/min, than x)");
            }
        }
        if (!notes.isEmpty()) {
            out.append(String.format("%nnotes:%n"));
            for (String n : notes) out.append("  ").append(n).append(String.format("%n"));
        }
        return out.toString();
    }

    private static String error(double e) {
        if (e == 0) return "0";
        if (Double.isInfinite(e)) return "inf";
        return String.format(Locale.ROOT, "%.1e", e);
    }
}
