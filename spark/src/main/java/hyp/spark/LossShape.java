package hyp.spark;

import hyp.runtime.train.CompiledObjective;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks on a few rows, on the driver, that the training loss splits by rows as {@link RowBlock} assumes: a mean
 * over rows plus terms that do not read them. Split the rows S into halves A and B: then n_A·L_A + n_B·L_B must
 * equal n_S·L_S, in value and gradient, at a generic w. A loss that sums over rows (the penalty would count once
 * per partition) or couples rows (a kernel matrix over all pairs) fails, and distributing it would change it.
 */
final class LossShape {
    private LossShape() {}

    static void check(ModelContext context, RowBlock sample, double[] start, double[] hyper) {
        int n = sample.rows;
        if (n < 2) return;
        int[] a = new int[n / 2], b = new int[n - n / 2];
        for (int i = 0; i < n; i++) {
            if (i < a.length) a[i] = i; else b[i - a.length] = i;
        }
        double[] w = start.clone();
        for (int i = 0; i < w.length; i++) w[i] += 0.1 * (((i * 7919) % 13) - 6) / 6.0;
        double[] gA = new double[w.length], gB = new double[w.length], gS = new double[w.length];
        double lA = objective(context, sample, a).valueAndGradW(w, hyper, gA);
        double lB = objective(context, sample, b).valueAndGradW(w, hyper, gB);
        double lS = RowBlock.objective(context, sample.data()).valueAndGradW(w, hyper, gS);
        double scale = Math.abs(a.length * lA) + Math.abs(b.length * lB);
        double worst = Math.abs(a.length * lA + b.length * lB - n * lS) / Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < w.length; i++) {
            double s = Math.abs(a.length * gA[i]) + Math.abs(b.length * gB[i]);
            if (s > 0) worst = Math.max(worst, Math.abs(a.length * gA[i] + b.length * gB[i] - n * gS[i]) / s);
        }
        if (!(worst <= 1e-9)) {
            throw new IllegalArgumentException("the train statement's loss does not split by rows: on the first "
                    + n + " rows, " + a.length + "·L(first " + a.length + ") + " + b.length + "·L(last " + b.length + ") differs from "
                    + n + "·L(all " + n + ") by " + String.format("%.3g", worst) + " relative. hyp-spark needs a mean over the "
                    + "rows (mean(...) or a sum divided by the row count) plus terms that do not read the rows; a sum over rows "
                    + "counts a penalty once per partition, and a loss coupling rows (a kernel over all pairs) cannot be split");
        }
    }

    private static CompiledObjective objective(ModelContext context, RowBlock sample, int[] rows) {
        Map<String, Values> picked = new LinkedHashMap<>();
        sample.data().forEach((name, v) -> picked.put(name, v.rows(rows)));
        return RowBlock.objective(context, picked);
    }
}
