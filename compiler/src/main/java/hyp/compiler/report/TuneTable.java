package hyp.compiler.report;

import hyp.runtime.Tensor;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table {@code hyp tune} prints: what ran, each loss-like def before and after, and the tuned λ. */
public final class TuneTable {
    /** λ with more entries than this is summarised (mean and range) instead of listed. */
    private static final int LISTED = 8;

    private TuneTable() {}

    @SuppressWarnings("unchecked")
    public static void print(PrintWriter out, Map<String, Object> summary, String lossName, double lteBefore, double lteAfter,
                      Map<String, Double> before, Map<String, Double> after) {
        out.println("tune " + String.join(", ", (List<String>) summary.get("tune")) + " on " + lossName + " by "
                + summary.get("update"));
        out.println(summary.get("rounds") + " rounds of " + summary.get("stepsPerRound") + ((Integer) summary.get("stepsPerRound") == 1 ? " step (" : " steps (")
                + summary.get("method") + ") in " + TuneProgress.duration((Long) summary.get("elapsedMs") / 1000.0)
                + "; before and after: " + summary.get("trainSteps") + " training steps from the initial parameters");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "before", "after", "change"});
        rows.add(row(lossName + " (L_te)", lteBefore, lteAfter));
        for (String def : before.keySet()) {
            if (!def.equals(lossName)) rows.add(row(def, before.get(def), after.get(def)));
        }
        int[] width = new int[4];
        for (String[] r : rows) for (int c = 0; c < 4; c++) width[c] = Math.max(width[c], r[c].length());
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder(pad(r[0], width[0], false));
            for (int c = 1; c < 4; c++) s.append("   ").append(pad(r[c], width[c], true));
            out.println(s.toString().stripTrailing());
        }
        out.println();
        Map<String, Object> from = (Map<String, Object>) ((Map<String, Object>) summary.get("before")).get("hyper");
        Map<String, Object> to = (Map<String, Object>) ((Map<String, Object>) summary.get("after")).get("hyper");
        for (String name : to.keySet()) out.println(describe(name, from.get(name), to.get(name)));
    }

    private static String[] row(String name, double before, double after) {
        String change = before != 0 && Double.isFinite(before) && Double.isFinite(after)
                ? String.format(Locale.ROOT, "%+.1f%%", 100 * (after - before) / Math.abs(before)) : "";
        return new String[] {name, number(before), number(after), change};
    }

    /** Six significant digits without trailing zeros; scientific notation for very small or large values. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(v) || a != 0 && (a < 1e-4 || a >= 1e7)) return String.format(Locale.ROOT, "%.5e", v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** {@code rho: [-3, -3] -> [-6.1, -5.9]}, or for many entries their mean, least and greatest before and after. */
    private static String describe(String name, Object before, Object after) {
        if (!(after instanceof Tensor b) || b.data.length <= LISTED) return name + ": " + list(before) + " -> " + list(after);
        double[] a = ((Tensor) before).data;
        return name + " (" + a.length + " entries): mean " + number(mean(a)) + " -> " + number(mean(b.data))
                + ", min " + number(min(a)) + " -> " + number(min(b.data))
                + ", max " + number(max(a)) + " -> " + number(max(b.data));
    }

    private static String list(Object v) {
        if (!(v instanceof Tensor t)) return number((Double) v);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < t.data.length; i++) s.append(i == 0 ? "" : ", ").append(number(t.data[i]));
        return s.append(']').toString();
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) m = Math.min(m, v);
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) m = Math.max(m, v);
        return m;
    }

    private static String pad(String s, int width, boolean right) {
        String space = " ".repeat(width - s.length());
        return right ? space + s : s + space;
    }
}
