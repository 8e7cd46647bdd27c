package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Tree and binomial checkpointing: same numbers as store-all, with their memory and time bounds. */
class CheckpointingTest {
    private static final double[] LAMBDA = StoreAllTest.LAMBDA;

    @Test
    void treeMatchesStoreAllOnHeavyBall() {
        Dynamics d = StoreAllTest.heavyBall();
        for (int steps : new int[] {1, 2, 3, 5, 8, 13, 64, 100, 257}) {
            double[] lastRef = new double[d.stateSize()];
            double[] last = new double[d.stateSize()];
            Hypergradient ref = new StoreAll().compute(d, steps, LAMBDA, lastRef);
            Hypergradient tree = new TreeCheckpointing().compute(d, steps, LAMBDA, last);
            Close.assertRelative(ref.gradient(), tree.gradient(), 1e-12, "tree, T = " + steps);
            assertEquals(ref.value(), tree.value(), 0.0);
            assertArrayEquals(lastRef, last, 0.0);
            assertEquals(steps, tree.work().adjointSteps());
        }
    }

    @Test
    void treeAtTenThousandStepsStaysWithinLogarithmicBounds() {
        int steps = 10_000;
        int log = 14;                                   // ⌈log2 10⁴⌉
        assertTrue((1 << (log - 1)) < steps && steps <= (1 << log));
        Dynamics d = StoreAllTest.gradientDescent();
        Hypergradient ref = new StoreAll().compute(d, steps, LAMBDA);
        Hypergradient tree = new TreeCheckpointing().compute(d, steps, LAMBDA);
        Close.assertRelative(ref.gradient(), tree.gradient(), 1e-12, "tree, T = 10⁴");
        assertTrue(tree.memory().storedStates() <= log + 1, "stored " + tree.memory());
        assertEquals(tree.memory().storedStates() * d.stateSize() * 8L, tree.memory().storedBytes());
        assertTrue(tree.work().forwardSteps() <= (long) steps * log, "forward " + tree.work());
        assertEquals(steps, tree.work().adjointSteps());
    }

    @Test
    void treeBoundsHoldForEveryLengthUpTo600() {
        ScalarLinear d = new ScalarLinear(0.99);
        for (int steps = 1; steps <= 600; steps++) {
            Hypergradient g = new TreeCheckpointing().compute(d, steps, new double[] {0.3});
            int log = 0;
            while ((1 << log) < steps) log++;
            assertTrue(g.memory().storedStates() <= log + 1, "T = " + steps + ": " + g.memory());
            // every step runs at least once; beyond that each tree level recomputes at most T steps
            assertTrue(g.work().forwardSteps() >= steps && g.work().forwardSteps() <= Math.max(1, (long) steps * log),
                    "T = " + steps + ": " + g.work());
            assertEquals(d.closedFormGradient(steps, 0.3), g.gradient()[0], 1e-10 * Math.abs(g.gradient()[0]));
        }
    }

    @Test
    void binomialMatchesStoreAll() {
        Dynamics d = StoreAllTest.heavyBall();
        Hypergradient ref = new StoreAll().compute(d, 150, LAMBDA);
        for (int s : new int[] {1, 2, 3, 5, 20, 200}) {
            Hypergradient g = new BinomialCheckpointing(s).compute(d, 150, LAMBDA);
            Close.assertRelative(ref.gradient(), g.gradient(), 1e-12, "binomial s = " + s);
            assertEquals(ref.value(), g.value(), 0.0);
            assertTrue(g.memory().storedStates() <= s, "s = " + s + ": " + g.memory());
        }
    }

    /**
     * Griewank and Walther: with β(s, r) = C(s + r, s) and r the smallest integer with β(s, r) ≥ T, reversing
     * T steps with s snapshots takes at least r·T − β(s + 1, r − 1) forward steps. Their count fuses the last
     * forward step with its adjoint; ours runs it separately to evaluate L_te(s_T), hence the + 1.
     */
    @Test
    void binomialForwardStepsEqualTheClosedFormOptimum() {
        ScalarLinear d = new ScalarLinear(0.999);
        int[][] cases = {{10, 1}, {10, 2}, {37, 3}, {100, 3}, {100, 4}, {1000, 5}, {1000, 2}, {5000, 8},
                {10_000, 15}, {7, 6}, {7, 10}, {2, 1}, {1, 1}, {56, 5}, {57, 5}};
        for (int[] c : cases) {
            int steps = c[0];
            int s = c[1];
            Hypergradient g = new BinomialCheckpointing(s).compute(d, steps, new double[] {0.5});
            assertEquals(griewankWalther(steps, s) + 1, g.work().forwardSteps(), "T = " + steps + ", s = " + s);
            assertTrue(g.memory().storedStates() <= s);
            assertEquals(d.closedFormGradient(steps, 0.5), g.gradient()[0], 1e-9 * Math.abs(g.gradient()[0]));
        }
    }

    /** For small sizes, an exhaustive search over split points agrees with both the closed form and our count. */
    @Test
    void binomialCountsMatchExhaustiveSearch() {
        int maxSteps = 70;
        int maxSnapshots = 5;
        long[][] best = optimalBySearch(maxSteps, maxSnapshots);
        ScalarLinear d = new ScalarLinear(0.9);
        for (int s = 1; s <= maxSnapshots; s++) {
            for (int steps = 1; steps <= maxSteps; steps++) {
                assertEquals(griewankWalther(steps, s), best[steps][s], "closed form vs search, T = " + steps + ", s = " + s);
                Hypergradient g = new BinomialCheckpointing(s).compute(d, steps, new double[] {1.0});
                assertEquals(best[steps][s] + 1, g.work().forwardSteps(), "T = " + steps + ", s = " + s);
            }
        }
    }

    /** r·T − β(s + 1, r − 1), computed with exact integers. */
    private static long griewankWalther(int steps, int s) {
        int r = 0;
        while (binomial(s + r, s).compareTo(BigInteger.valueOf(steps)) < 0) r++;
        BigInteger beta = r == 0 ? BigInteger.ZERO : binomial(s + r, s + 1);
        return BigInteger.valueOf((long) r * steps).subtract(beta).longValueExact();
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 1; i <= k; i++) c = c.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        return c;
    }

    /**
     * best[l][c]: fewest forward steps to reverse l steps from a stored start with c snapshots (start included):
     * advance m steps and either store s_m (right part gets c − 1) or, when m = l − 1, reverse that step at once.
     */
    private static long[][] optimalBySearch(int maxSteps, int maxSnapshots) {
        long[][] best = new long[maxSteps + 1][maxSnapshots + 1];
        for (int l = 2; l <= maxSteps; l++) {
            for (int c = 1; c <= maxSnapshots; c++) {
                long min = (l - 1) + best[l - 1][c];
                for (int m = 1; c > 1 && m < l - 1; m++) min = Math.min(min, m + best[l - m][c - 1] + best[m][c]);
                best[l][c] = min;
            }
        }
        return best;
    }
}
