package hyp.runtime.data;

import hyp.runtime.Tensor;

/**
 * A logistic-regression data set drawn from a known model, with that model kept for checking.
 *
 * @param data inputs (n × d) and labels in {−1, +1}
 * @param trueWeights the weights w* the labels were drawn from (d values, mostly zero)
 * @param noise the scale of the logistic noise on the logit (0 = labels are sign(x·w*))
 */
public record SyntheticLogreg(Dataset data, Tensor trueWeights, double noise) {
    /** The indices of the features with a non-zero true weight, ascending. */
    public int[] informativeFeatures() {
        int count = 0;
        for (double w : trueWeights.data) {
            if (w != 0) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int j = 0; j < trueWeights.size(); j++) {
            if (trueWeights.data[j] != 0) {
                out[k++] = j;
            }
        }
        return out;
    }
}
