package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    private final Random rnd = new Random(43);

    private double[] logits(int n, double spread) {
        double[] x = Reference.random(rnd, n);
        for (int i = 0; i < n; i++) {
            x[i] *= spread;
        }
        return x;
    }

    @Test
    void softmaxAndLogSoftmaxMatchDefinitions() {
        for (int classes : new int[] {1, 2, 3, 7, 8, 9, 17, 1000}) {
            int rows = 3;
            double[] x = logits(rows * classes, 5);
            double[] s = new double[x.length];
            double[] ls = new double[x.length];
            Softmax.softmax(x, rows, classes, s);
            Softmax.logSoftmax(x, rows, classes, ls);
            for (int r = 0; r < rows; r++) {
                double z = 0;
                for (int j = 0; j < classes; j++) {
                    z += Math.exp(x[r * classes + j]);
                }
                for (int j = 0; j < classes; j++) {
                    int e = r * classes + j;
                    assertEquals(Math.exp(x[e]) / z, s[e], 1e-14 * s[e]);
                    assertEquals(x[e] - Math.log(z), ls[e], 1e-13 * (1 + Math.abs(ls[e])));
                }
            }
        }
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        double[] x = {1000, 1000, 999};
        double[] s = new double[3];
        Softmax.softmax(x, 1, 3, s);
        double z = 2 + Math.exp(-1);
        assertEquals(1 / z, s[0], 1e-15);
        assertEquals(Math.exp(-1) / z, s[2], 1e-15);
        assertEquals(Math.log(z), Softmax.crossEntropy(x, 1, 3, new int[] {0}), 1e-13);
    }

    @Test
    void adjointsMatchCentralDifferences() {
        int rows = 2;
        int classes = 5;
        double[] x = logits(rows * classes, 2);
        double[] dy = Reference.random(rnd, x.length);
        double[] s = new double[x.length];
        double[] ls = new double[x.length];
        Softmax.softmax(x, rows, classes, s);
        Softmax.logSoftmax(x, rows, classes, ls);
        double[] ds = new double[x.length];
        double[] dls = new double[x.length];
        Softmax.softmaxAdjoint(s, dy, rows, classes, ds);
        Softmax.logSoftmaxAdjoint(ls, dy, rows, classes, dls);
        double h = 1e-6;
        for (int k = 0; k < x.length; k++) {
            double keep = x[k];
            x[k] = keep + h;
            double[] up = pairings(x, rows, classes, dy);
            x[k] = keep - h;
            double[] down = pairings(x, rows, classes, dy);
            x[k] = keep;
            assertEquals((up[0] - down[0]) / (2 * h), ds[k], 1e-8, "softmax " + k);
            assertEquals((up[1] - down[1]) / (2 * h), dls[k], 1e-8, "logSoftmax " + k);
        }
    }

    private static double[] pairings(double[] x, int rows, int classes, double[] dy) {
        double[] s = new double[x.length];
        double[] ls = new double[x.length];
        Softmax.softmax(x, rows, classes, s);
        Softmax.logSoftmax(x, rows, classes, ls);
        return new double[] {Reference.dot(s, dy), Reference.dot(ls, dy)};
    }

    @Test
    void crossEntropyFormsAgreeAndGradientsMatchCentralDifferences() {
        int rows = 4;
        int classes = 6;
        double[] x = logits(rows * classes, 3);
        int[] labels = {0, 5, 2, 2};
        double[] onehot = new double[x.length];
        double[] soft = new double[x.length];
        for (int r = 0; r < rows; r++) {
            onehot[r * classes + labels[r]] = 1;
            for (int j = 0; j < classes; j++) {
                soft[r * classes + j] = rnd.nextDouble();
            }
        }
        assertEquals(Softmax.crossEntropy(x, rows, classes, labels),
                Softmax.crossEntropy(x, rows, classes, onehot), 1e-14);
        double seed = 1.7;
        double[] gl = new double[x.length];
        double[] gs = new double[x.length];
        Softmax.crossEntropyGrad(x, rows, classes, labels, seed, gl);
        Softmax.crossEntropyGrad(x, rows, classes, soft, seed, gs);
        double h = 1e-6;
        for (int k = 0; k < x.length; k++) {
            double keep = x[k];
            x[k] = keep + h;
            double upL = Softmax.crossEntropy(x, rows, classes, labels);
            double upS = Softmax.crossEntropy(x, rows, classes, soft);
            x[k] = keep - h;
            double downL = Softmax.crossEntropy(x, rows, classes, labels);
            double downS = Softmax.crossEntropy(x, rows, classes, soft);
            x[k] = keep;
            assertEquals(seed * (upL - downL) / (2 * h), gl[k], 1e-8, "labels " + k);
            assertEquals(seed * (upS - downS) / (2 * h), gs[k], 1e-8, "targets " + k);
        }
    }

    @Test
    void badInputsAreReportedByName() {
        double[] x = {1, 2, 3, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.crossEntropy(x, 2, 2, new int[] {0, 2}));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("label 2 of row 1"), e.getMessage());
        ArithmeticException nan = assertThrows(ArithmeticException.class,
                () -> Softmax.crossEntropy(new double[] {Double.NaN, 1}, 1, 2, new int[] {0}));
        org.junit.jupiter.api.Assertions.assertTrue(nan.getMessage().contains("Softmax.crossEntropy"));
    }
}
