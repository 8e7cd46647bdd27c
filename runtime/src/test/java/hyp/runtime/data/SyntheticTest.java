package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The synthetic sets against the generative models their Javadoc states. */
class SyntheticTest {
    private static double dotRow(Tensor x, int i, double[] w) {
        int d = x.dim(1);
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += x.data[i * d + j] * w[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double correlation(Tensor x, int column, double[] y) {
        int n = y.length;
        int d = x.dim(1);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x.data[i * d + column];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double a = x.data[i * d + column] - mx;
            double b = y[i] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void logregIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        SyntheticLogreg a = Synthetic.logreg(100, 20, 4, 1.0, 42);
        SyntheticLogreg b = Synthetic.logreg(100, 20, 4, 1.0, 42);
        SyntheticLogreg c = Synthetic.logreg(100, 20, 4, 1.0, 43);
        assertEquals(a, b);
        assertNotEquals(a.data().x(), c.data().x());
        assertNotEquals(a.data().y(), c.data().y());
        assertNotEquals(a.trueWeights(), c.trueWeights());
    }

    @Test
    void largerSetsExtendSmallerOnes() {
        SyntheticLogreg small = Synthetic.logreg(30, 10, 3, 0.5, 5);
        SyntheticLogreg large = Synthetic.logreg(80, 10, 3, 0.5, 5);
        assertEquals(small.trueWeights(), large.trueWeights());
        assertEquals(small.data(), large.data().slice(0, 30));
    }

    @Test
    void trueWeightsAreSparseWithTheDocumentedNorm() {
        SyntheticLogreg s = Synthetic.logreg(10, 200, 7, 1.0, 3);
        int[] informative = s.informativeFeatures();
        assertEquals(7, informative.length);
        double norm = 0;
        for (double w : s.trueWeights().data) {
            norm += w * w;
        }
        assertEquals(Synthetic.SIGNAL_NORM, Math.sqrt(norm), 1e-12);
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (int j : informative) {
            smallest = Math.min(smallest, Math.abs(s.trueWeights().data[j]));
            largest = Math.max(largest, Math.abs(s.trueWeights().data[j]));
        }
        assertTrue(largest / smallest <= 2.0, "magnitudes 1 + U[0,1) differ at most twofold");
    }

    @Test
    void labelsArePlusMinusOneAndTheTrueModelPredictsThem() {
        SyntheticLogreg s = Synthetic.logreg(2000, 50, 5, 1.0, 9);
        Tensor x = s.data().x();
        double[] y = s.data().y().data;
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            assertTrue(y[i] == 1.0 || y[i] == -1.0, "label " + y[i]);
            if (Math.signum(dotRow(x, i, s.trueWeights().data)) == y[i]) {
                correct++;
            }
        }
        assertTrue(correct / 2000.0 > 0.7, "accuracy of the true model " + correct / 2000.0);
    }

    @Test
    void noiselessLabelsAreTheSignOfTheLogit() {
        SyntheticLogreg s = Synthetic.logreg(500, 30, 3, 0.0, 4);
        for (int i = 0; i < 500; i++) {
            double z = dotRow(s.data().x(), i, s.trueWeights().data);
            assertEquals(z >= 0 ? 1.0 : -1.0, s.data().y().data[i]);
        }
    }

    @Test
    void labelsFollowTheLogisticModelInEveryLogitBin() {
        double noise = 2.0;
        int n = 40_000;
        SyntheticLogreg s = Synthetic.logreg(n, 10, 3, noise, 17);
        double[] edges = {-Double.MAX_VALUE, -4, -2, -1, 0, 1, 2, 4, Double.MAX_VALUE};
        for (int b = 0; b + 1 < edges.length; b++) {
            int count = 0;
            double positives = 0;
            double expected = 0;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                double z = dotRow(s.data().x(), i, s.trueWeights().data);
                if (z >= edges[b] && z < edges[b + 1]) {
                    double p = sigmoid(z / noise);
                    count++;
                    positives += s.data().y().data[i] > 0 ? 1 : 0;
                    expected += p;
                    variance += p * (1 - p);
                }
            }
            assertTrue(count > 500, "bin " + b + " has " + count + " rows");
            assertEquals(expected, positives, 4.5 * Math.sqrt(variance), "positives in logit bin " + b);
        }
    }

    @Test
    void onlyInformativeFeaturesCarrySignal() {
        int n = 4000;
        SyntheticLogreg s = Synthetic.logreg(n, 40, 4, 1.0, 21);
        double[] w = s.trueWeights().data;
        double bound = 4.5 / Math.sqrt(n); // |sample correlation| of independent variables is ~ N(0, 1/n)
        for (int j = 0; j < 40; j++) {
            double r = correlation(s.data().x(), j, s.data().y().data);
            if (w[j] == 0) {
                assertTrue(Math.abs(r) < bound, "irrelevant feature " + j + " correlates " + r);
            } else {
                assertTrue(Math.abs(r) > 0.1 && Math.signum(r) == Math.signum(w[j]),
                        "informative feature " + j + " correlates " + r + " with weight " + w[j]);
            }
        }
    }

    @Test
    void featuresAreStandardNormal() {
        Tensor x = Synthetic.logreg(20_000, 5, 1, 1.0, 8).data().x();
        double sum = 0;
        double squares = 0;
        double fourth = 0;
        for (double v : x.data) {
            sum += v;
            squares += v * v;
            fourth += v * v * v * v;
        }
        int m = x.size();
        assertEquals(0.0, sum / m, 4.5 / Math.sqrt(m));
        assertEquals(1.0, squares / m, 4.5 * Math.sqrt(2.0 / m));
        assertEquals(3.0, fourth / m, 4.5 * Math.sqrt(96.0 / m), "normal kurtosis");
    }

    @Test
    void logregRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Synthetic.logreg(0, 5, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.logreg(5, 5, 6, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.logreg(5, 5, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.logreg(5, 5, 1, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Synthetic.logreg(5, 5, 1, Double.NaN, 1));
    }

    @Test
    void circlesHaveTheDocumentedRadiiAndNoLinearSignal() {
        int n = 20_000;
        double noise = 0.2;
        double inner = 0.5;
        Dataset c = Synthetic.circles(n, noise, inner, 3);
        double[] r2 = {0, 0};
        int[] count = {0, 0};
        for (int i = 0; i < n; i++) {
            double label = c.y().data[i];
            assertTrue(label == 0.0 || label == 1.0);
            double px = c.x().data[2 * i];
            double py = c.x().data[2 * i + 1];
            int k = (int) label;
            r2[k] += px * px + py * py;
            count[k]++;
        }
        // E|x|² = r² + 2σ² for a point at radius r with N(0, σ²) jitter on both coordinates
        assertEquals(1.0 + 2 * noise * noise, r2[0] / count[0], 0.02);
        assertEquals(inner * inner + 2 * noise * noise, r2[1] / count[1], 0.02);
        assertEquals(n / 2.0, count[1], 4.5 * Math.sqrt(n / 4.0));
        double bound = 4.5 / Math.sqrt(n);
        assertTrue(Math.abs(correlation(c.x(), 0, c.y().data)) < bound);
        assertTrue(Math.abs(correlation(c.x(), 1, c.y().data)) < bound);
    }

    @Test
    void kernelLogregIsTheDocumentedCircles() {
        assertEquals(Synthetic.circles(300, Synthetic.KERNEL_NOISE, Synthetic.KERNEL_INNER_RADIUS, 12),
                Synthetic.kernelLogreg(300, 12));
        assertNotEquals(Synthetic.kernelLogreg(300, 12), Synthetic.kernelLogreg(300, 13));
        assertEquals(Synthetic.kernelLogreg(300, 12), Synthetic.kernelLogreg(300, 12));
    }

    @Test
    void twoMoonsHaveTheDocumentedClassMeans() {
        int n = 20_000;
        Dataset m = Synthetic.twoMoons(n, 0.1, 6);
        double[][] mean = new double[2][2];
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            int k = (int) m.y().data[i];
            mean[k][0] += m.x().data[2 * i];
            mean[k][1] += m.x().data[2 * i + 1];
            count[k]++;
        }
        // t ~ U[0, π): E cos t = 0, E sin t = 2/π
        double twoOverPi = 2 / Math.PI;
        assertArrayEquals(new double[] {0, twoOverPi}, scale(mean[0], count[0]), 0.02);
        assertArrayEquals(new double[] {1, 0.5 - twoOverPi}, scale(mean[1], count[1]), 0.02);
        assertNotEquals(Synthetic.twoMoons(50, 0.1, 6), Synthetic.twoMoons(50, 0.1, 7));
    }

    private static double[] scale(double[] v, int n) {
        return Arrays.stream(v).map(a -> a / n).toArray();
    }

    @Test
    void splitIsASeededPermutationOfTheRows() {
        Dataset all = Synthetic.logreg(50, 3, 2, 1.0, 1).data();
        Split s = all.split(15, 99);
        assertEquals(35, s.train().rows());
        assertEquals(15, s.validation().rows());
        assertEquals(s, all.split(15, 99));
        assertNotEquals(s, all.split(15, 100));
        // every original row (all features distinct with probability 1) appears exactly once
        double[] firstFeatures = new double[50];
        for (int i = 0; i < 50; i++) {
            firstFeatures[i] = all.x().data[3 * i];
        }
        double[] seen = new double[50];
        for (int i = 0; i < 35; i++) {
            seen[i] = s.train().x().data[3 * i];
        }
        for (int i = 0; i < 15; i++) {
            seen[35 + i] = s.validation().x().data[3 * i];
        }
        Arrays.sort(firstFeatures);
        Arrays.sort(seen);
        assertArrayEquals(firstFeatures, seen);
        assertThrows(IllegalArgumentException.class, () -> all.split(0, 1));
        assertThrows(IllegalArgumentException.class, () -> all.split(50, 1));
    }
}
