package hyp.runtime.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void knownSpectrumComesBackAscending() {
        // [[2,1],[1,2]] has eigenvalues 1 and 3
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.values(new double[] {2, 1, 1, 2}, 2), 1e-14);
        // the second-difference matrix: eigenvalues 2 - 2cos(kπ/(n+1))
        int n = 12;
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            t[i * n + i] = 2;
            if (i + 1 < n) {
                t[i * n + i + 1] = -1;
                t[(i + 1) * n + i] = -1;
            }
        }
        double[] values = SymmetricEigen.values(t, n);
        for (int k = 1; k <= n; k++) {
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), values[k - 1], 1e-13);
        }
    }

    @Test
    void eigenpairsSatisfyTheirDefiningEquation() {
        Random rnd = new Random(53);
        int n = 30;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 2 * rnd.nextDouble() - 1;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        SymmetricEigen.Result r = SymmetricEigen.decompose(a, n);
        for (int c = 0; c < n; c++) {
            if (c > 0) {
                assertTrue(r.values()[c - 1] <= r.values()[c], "ascending");
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i * n + j] * r.vectors()[j * n + c];
                }
                assertEquals(r.values()[c] * r.vectors()[i * n + c], av, 1e-12, "A v = λ v");
                norm += r.vectors()[i * n + c] * r.vectors()[i * n + c];
            }
            assertEquals(1.0, norm, 1e-12);
        }
        assertArrayEquals(r.values(), SymmetricEigen.values(a, n), 1e-12);
    }

    @Test
    void asymmetricInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.values(new double[] {1, 2, 3, 4}, 2));
    }
}
