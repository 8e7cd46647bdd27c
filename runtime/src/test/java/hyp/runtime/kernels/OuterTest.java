package hyp.runtime.kernels;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OuterTest {
    @Test
    void rank1UpdateAddsScaledOuterProduct() {
        Random rnd = new Random(29);
        for (int m : new int[] {0, 1, 3, 8, 17, 100}) {
            for (int n : new int[] {0, 1, 7, 9, 1003}) {
                double[] x = Reference.random(rnd, m);
                double[] y = Reference.random(rnd, n);
                double[] a = Reference.random(rnd, m * n);
                double[] expected = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        expected[i * n + j] = a[i * n + j] + -1.5 * x[i] * y[j];
                    }
                }
                Outer.rank1Update(-1.5, x, y, a, m, n);
                Reference.assertAllClose(expected, a, 1e-15, 1.0, "outer " + m + "x" + n);
            }
        }
    }
}
