package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistancesTest {
    private final Random rnd = new Random(31);

    @Test
    void squaredDistancesMatchNaiveSums() {
        for (int d : new int[] {0, 1, 3, 7, 8, 9, 17, 1000}) {
            int n = 5;
            int m = 4;
            double[] x = Reference.random(rnd, n * d);
            double[] y = Reference.random(rnd, m * d);
            double[] out = new double[n * m];
            Distances.squaredPairwise(x, n, y, m, d, out);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        double t = x[i * d + k] - y[j * d + k];
                        s += t * t;
                    }
                    Reference.assertClose(s, out[i * m + j], 1e-13, s, "d=" + d);
                }
            }
        }
    }

    @Test
    void nearbyPointsKeepRelativeAccuracy() {
        double[] x = {1e8, 1e8 + 1, 3};
        double[] y = {1e8 + 1e-4, 1e8 + 1, 3};
        double[] out = new double[1];
        Distances.squaredPairwise(x, 1, y, 1, 3, out);
        double diff = (1e8 + 1e-4) - 1e8; // the representable difference
        assertEquals(diff * diff, out[0], 1e-15 * diff * diff);
        assertTrue(out[0] > 0);
    }

    @Test
    void adjointsMatchCentralDifferences() {
        int n = 3;
        int m = 4;
        int d = 11;
        double[] x = Reference.random(rnd, n * d);
        double[] y = Reference.random(rnd, m * d);
        double[] dOut = Reference.random(rnd, n * m);
        double[] gx = new double[n * d];
        double[] gy = new double[m * d];
        Distances.adjointX(x, n, y, m, d, dOut, gx);
        Distances.adjointY(x, n, y, m, d, dOut, gy);
        double h = 1e-5;
        for (double[] v : new double[][] {x, y}) {
            double[] g = v == x ? gx : gy;
            for (int k = 0; k < v.length; k++) {
                double keep = v[k];
                v[k] = keep + h;
                double up = pairing(x, n, y, m, d, dOut);
                v[k] = keep - h;
                double down = pairing(x, n, y, m, d, dOut);
                v[k] = keep;
                // the objective is quadratic, so the central difference is exact up to rounding
                assertEquals((up - down) / (2 * h), g[k], 1e-8, "component " + k);
            }
        }
    }

    private static double pairing(double[] x, int n, double[] y, int m, int d, double[] dOut) {
        double[] out = new double[n * m];
        Distances.squaredPairwise(x, n, y, m, d, out);
        return Reference.dot(out, dOut);
    }
}
