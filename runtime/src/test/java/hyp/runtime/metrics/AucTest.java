package hyp.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** AUC against counting every (positive, negative) pair, on scores with many ties; and the macro average. */
class AucTest {
    private static double pairs(double[] s, boolean[] pos) {
        double wins = 0;
        long count = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (!pos[i] || pos[j]) continue;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                count++;
            }
        }
        return wins / count;
    }

    @Test
    void equalsThePairCountWithTies() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(60);
            double[] s = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextInt(5) + (trial % 2 == 0 ? 0 : rnd.nextDouble());
                pos[i] = i < 2 ? i == 0 : rnd.nextBoolean();
            }
            assertEquals(pairs(s, pos), Auc.binary(s, pos), 1e-12, "trial " + trial);
        }
        assertEquals(1.0, Auc.binary(new double[] {0.1, 0.9, 0.8}, new boolean[] {false, true, true}), 0.0);
        assertEquals(0.0, Auc.binary(new double[] {0.9, 0.1}, new boolean[] {false, true}), 0.0);
        assertEquals(0.5, Auc.binary(new double[] {3, 3, 3}, new boolean[] {false, true, true}), 0.0);
    }

    @Test
    void macroAverageLeavesOutClassesWithoutExamples() {
        // 3 classes, class 2 never occurs; class 0 ranked perfectly, class 1 ranked backwards
        double[] scores = {0.9, 0.1, 0.0, 0.8, 0.2, 0.0, 0.3, 0.7, 0.0, 0.2, 0.05, 0.0};
        int[] labels = {0, 0, 1, 1};
        double class0 = Auc.binary(new double[] {0.9, 0.8, 0.3, 0.2}, new boolean[] {true, true, false, false});
        double class1 = Auc.binary(new double[] {0.1, 0.2, 0.7, 0.05}, new boolean[] {false, false, true, true});
        assertEquals(1.0, class0, 0.0);
        assertEquals(0.5, class1, 0.0);
        assertEquals((class0 + class1) / 2, Auc.macroOneVsRest(scores, 3, labels), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Auc.binary(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> Auc.macroOneVsRest(scores, 3, new int[] {0, 3, 1, 1}));
    }
}
