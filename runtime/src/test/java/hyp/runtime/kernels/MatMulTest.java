package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatMulTest {
    private static final int[] DIMS = {1, 3, 7, 8, 9, 17};
    private final Random rnd = new Random(17);

    /**
     * The documented per-element arithmetic: a fused multiply-add chain over each block of KC
     * terms, added to C block by block. Tiling and thread splits must not change it.
     */
    private static double[] fmaChain(boolean ta, boolean tb, int m, int k, int n, double[] a, double[] b,
                                     double[] c0, boolean accumulate) {
        double[] c = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int pc = 0; pc < k; pc += MatMul.KC) {
                    double acc = 0;
                    for (int p = pc; p < Math.min(k, pc + MatMul.KC); p++) {
                        acc = Math.fma(ta ? a[p * m + i] : a[i * k + p], tb ? b[j * k + p] : b[p * n + j], acc);
                    }
                    c[i * n + j] = pc == 0 && !accumulate ? acc : c[i * n + j] + acc;
                }
            }
        }
        return c;
    }

    private void checkProduct(boolean ta, boolean tb, int m, int k, int n, boolean accumulate) {
        double[] a = Reference.random(rnd, m * k);
        double[] b = Reference.random(rnd, k * n);
        double[] c0 = Reference.random(rnd, m * n);
        double[] c = c0.clone();
        MatMul.gemm(ta, tb, m, k, n, a, 0, b, 0, c, 0, accumulate);
        double[][] ref = Reference.naiveMatMul(ta, tb, m, k, n, a, b);
        String what = (ta ? "T" : "N") + (tb ? "T" : "N") + " " + m + "x" + k + "x" + n + (accumulate ? " +=" : "");
        for (int e = 0; e < m * n; e++) {
            double expected = ref[0][e] + (accumulate ? c0[e] : 0);
            double scale = ref[1][e] + (accumulate ? Math.abs(c0[e]) : 0);
            Reference.assertClose(expected, c[e], 1e-13, scale, what + " at " + e);
        }
        Reference.assertBitsEqual(fmaChain(ta, tb, m, k, n, a, b, c0, accumulate), c, what + " arithmetic");
    }

    @Test
    void allTransposeVariantsMatchNaiveProductOnEdgeShapes() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : DIMS) {
                    for (int k : DIMS) {
                        for (int n : DIMS) {
                            checkProduct(ta, tb, m, k, n, (m + k + n) % 2 == 0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeAndRaggedShapesCrossEveryBlockBoundary() {
        // k > KC (two depth blocks), m > MC (two row blocks), n > NC (two column blocks), long k
        int[][] shapes = {{130, 300, 37}, {3, 1031, 5}, {2, 3, 4100}, {129, 65, 129}, {1, 1000, 1}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    checkProduct(ta, tb, s[0], s[1], s[2], false);
                }
            }
            checkProduct(false, false, s[0], s[1], s[2], true);
        }
    }

    @Test
    void randomShapesMatchNaiveProduct() {
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + rnd.nextInt(trial < 30 ? 40 : 300);
            int k = 1 + rnd.nextInt(trial < 30 ? 40 : 300);
            int n = 1 + rnd.nextInt(trial < 30 ? 40 : 300);
            checkProduct(rnd.nextBoolean(), rnd.nextBoolean(), m, k, n, rnd.nextBoolean());
        }
    }

    @Test
    void emptyDimensionsClearOrKeepC() {
        double[] c = {1, 2, 3, 4};
        MatMul.multiplyAdd(new double[0], new double[0], c, 2, 0, 2);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c);
        MatMul.multiply(new double[0], new double[0], c, 2, 0, 2);
        assertArrayEquals(new double[4], c);
        MatMul.multiply(new double[0], new double[6], new double[0], 0, 3, 2); // nothing to do
    }

    @Test
    void conveniencesAgreeWithTheTextbookDefinition() {
        double[] a = {1, 2, 3, 4, 5, 6};       // 2x3
        double[] b = {7, 8, 9, 10, 11, 12};    // 3x2
        double[] c = new double[4];
        MatMul.multiply(a, b, c, 2, 3, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c);
        MatMul.multiplyAdd(a, b, c, 2, 3, 2);
        assertArrayEquals(new double[] {116, 128, 278, 308}, c);
        double[] at = {1, 4, 2, 5, 3, 6};      // a stored transposed (3x2)
        MatMul.multiplyTransA(at, b, c, 2, 3, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c);
        double[] bt = {7, 9, 11, 8, 10, 12};   // b stored transposed (2x3)
        MatMul.multiplyTransB(a, bt, c, 2, 3, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, c);
    }

    @Test
    void offsetsSelectSlices() {
        double[] a = Reference.random(rnd, 5 + 20 * 30);
        double[] b = Reference.random(rnd, 2 + 30 * 10);
        double[] c = new double[7 + 20 * 10];
        MatMul.gemm(false, false, 20, 30, 10, a, 5, b, 2, c, 7, false);
        double[] expected = new double[20 * 10];
        MatMul.multiply(java.util.Arrays.copyOfRange(a, 5, a.length), java.util.Arrays.copyOfRange(b, 2, b.length),
                expected, 20, 30, 10);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(c, 7, c.length));
        assertArrayEquals(new double[7], java.util.Arrays.copyOfRange(c, 0, 7));
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        int m = 203;
        int k = 270;
        int n = 77;
        double[] a = Reference.random(rnd, m * k);
        double[] b = Reference.random(rnd, k * n);
        double[] one = new double[m * n];
        Reference.withThreads(1, () -> MatMul.multiply(a, b, one, m, k, n));
        for (int t : new int[] {2, 3, 7}) {
            double[] many = new double[m * n];
            Reference.withThreads(t, () -> MatMul.multiply(a, b, many, m, k, n));
            Reference.assertBitsEqual(one, many, t + " threads");
        }
    }

    /** Repeats one product until the JIT has compiled the kernel, which must keep the same arithmetic. */
    @Test
    void compiledKernelKeepsTheDocumentedArithmetic() {
        int m = 41;
        int k = 50;
        int n = 27;
        double[] a = Reference.random(rnd, m * k);
        double[] b = Reference.random(rnd, k * n);
        double[] expected = fmaChain(false, false, m, k, n, a, b, new double[m * n], false);
        double[] c = new double[m * n];
        for (int rep = 0; rep < 1500; rep++) {
            MatMul.multiply(a, b, c, m, k, n);
            if (rep % 100 == 99) {
                Reference.assertBitsEqual(expected, c, "repetition " + rep);
            }
        }
    }

    @Test
    void shortArraysAreRejectedWithSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.multiply(new double[5], new double[6], new double[4], 2, 3, 2));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("A needs 6"), e.getMessage());
    }
}
