package hyp.runtime.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve: the probability that a random positive example scores above a random negative
 * one, ties counting one half (the Mann–Whitney statistic, computed from tie-averaged ranks in O(n log n)).
 */
public final class Auc {
    private Auc() {}

    /**
     * The AUC of {@code scores} for the examples marked {@code positive}.
     *
     * @throws IllegalArgumentException if the lengths differ, a score is NaN, or one of the classes is empty
     */
    public static double binary(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) throw new IllegalArgumentException("AUC: " + n + " scores but " + positive.length + " labels");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) throw new IllegalArgumentException("AUC: score " + i + " is NaN");
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && scores[order[end]] == scores[order[start]]) end++;
            double rank = (start + 1 + end) / 2.0; // ranks start..end-1 (1-based start+1..end) share their mean
            for (int k = start; k < end; k++) {
                if (positive[order[k]]) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs positive and negative examples; got " + positives + " and " + negatives);
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The one-vs-rest AUC averaged over the classes (macro average): class c's AUC ranks column c of the scores
     * (n × k, row-major) with the examples of class c as positives. Classes with no example, or with every example,
     * are left out of the average.
     *
     * @param labels the class of each example, 0 ≤ label &lt; k
     */
    public static double macroOneVsRest(double[] scores, int k, int[] labels) {
        int n = labels.length;
        if (scores.length != (long) n * k) {
            throw new IllegalArgumentException("AUC: " + scores.length + " scores do not make " + n + " rows of " + k);
        }
        double sum = 0;
        int classes = 0;
        double[] column = new double[n];
        boolean[] positive = new boolean[n];
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= k) throw new IllegalArgumentException("AUC: label " + labels[i] + " of example " + i + " is not a class 0.." + (k - 1));
                column[i] = scores[i * k + c];
                positive[i] = labels[i] == c;
                if (positive[i]) count++;
            }
            if (count == 0 || count == n) continue;
            sum += binary(column, positive);
            classes++;
        }
        if (classes == 0) throw new IllegalArgumentException("AUC: no class has both positive and negative examples");
        return sum / classes;
    }
}
