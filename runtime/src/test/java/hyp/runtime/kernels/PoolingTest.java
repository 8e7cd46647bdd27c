package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolingTest {
    private final Random rnd = new Random(41);
    private static final int[][] SHAPES = {{1, 2, 2}, {3, 4, 6}, {2, 5, 7}, {1, 1, 3}, {6, 28, 28}};

    @Test
    void forwardPassesMatchWindowDefinitions() {
        for (int[] sh : SHAPES) {
            int planes = sh[0];
            int h = sh[1];
            int w = sh[2];
            double[] x = Reference.random(rnd, planes * h * w);
            double[] avg = new double[planes * (h / 2) * (w / 2)];
            double[] max = new double[avg.length];
            Pooling.avgPool2x2(x, planes, h, w, avg);
            Pooling.maxPool2x2(x, planes, h, w, max);
            int o = 0;
            for (int p = 0; p < planes; p++) {
                for (int i = 0; i + 1 < h; i += 2) {
                    for (int j = 0; j + 1 < w; j += 2, o++) {
                        double a = x[(p * h + i) * w + j];
                        double b = x[(p * h + i) * w + j + 1];
                        double c = x[(p * h + i + 1) * w + j];
                        double d = x[(p * h + i + 1) * w + j + 1];
                        assertEquals((a + b + c + d) / 4, avg[o], 1e-15);
                        assertEquals(Math.max(Math.max(a, b), Math.max(c, d)), max[o]);
                    }
                }
            }
            assertEquals(avg.length, o);
        }
    }

    @Test
    void adjointsMatchCentralDifferencesAndAccumulate() {
        for (int[] sh : SHAPES) {
            int planes = sh[0];
            int h = sh[1];
            int w = sh[2];
            int outSize = planes * (h / 2) * (w / 2);
            double[] x = Reference.random(rnd, planes * h * w);
            double[] dy = Reference.random(rnd, outSize);
            double[] dxAvg = new double[x.length];
            double[] dxMax = new double[x.length];
            java.util.Arrays.fill(dxAvg, 1.0);
            java.util.Arrays.fill(dxMax, 1.0);
            Pooling.avgPool2x2Adjoint(dy, planes, h, w, dxAvg);
            Pooling.maxPool2x2Adjoint(x, dy, planes, h, w, dxMax);
            double step = 1e-7; // far below the gap between distinct random values in a window
            for (int k = 0; k < x.length; k++) {
                double keep = x[k];
                x[k] = keep + step;
                double[] up = pool(x, planes, h, w, dy);
                x[k] = keep - step;
                double[] down = pool(x, planes, h, w, dy);
                x[k] = keep;
                assertEquals((up[0] - down[0]) / (2 * step), dxAvg[k] - 1.0, 1e-8, "avg " + k);
                assertEquals((up[1] - down[1]) / (2 * step), dxMax[k] - 1.0, 1e-8, "max " + k);
            }
        }
    }

    private static double[] pool(double[] x, int planes, int h, int w, double[] dy) {
        double[] a = new double[dy.length];
        double[] m = new double[dy.length];
        Pooling.avgPool2x2(x, planes, h, w, a);
        Pooling.maxPool2x2(x, planes, h, w, m);
        return new double[] {Reference.dot(a, dy), Reference.dot(m, dy)};
    }

    @Test
    void maxPoolRoutesTiesToFirstAndNaNPropagates() {
        double[] x = {2, 2, 1, 2};
        double[] dx = new double[4];
        Pooling.maxPool2x2Adjoint(x, new double[] {5}, 1, 2, 2, dx);
        assertArrayEquals(new double[] {5, 0, 0, 0}, dx);
        double[] y = new double[1];
        Pooling.maxPool2x2(new double[] {1, Double.NaN, 3, 2}, 1, 2, 2, y);
        assertTrue(Double.isNaN(y[0]));
    }
}
