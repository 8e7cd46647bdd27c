package hyp.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TuneChartsTest {
    private static TuneHistory.Entry entry(int round, double[] hyper) {
        return new TuneHistory.Entry(round, 0, 0, hyper, 0);
    }

    @Test
    void withManyEntriesTheTwentyThatMovedMostAreDrawnInOrder() {
        int n = 25;
        double[] first = new double[n], last = new double[n];
        // Entry i moves by (i * 7 % 25) − 12 (a permutation of −12..12): the five smallest moves are |0|, |±1|, |±2|.
        for (int i = 0; i < n; i++) last[i] = (i * 7 % n) - 12;
        List<Integer> shown = TuneCharts.shown(List.of(entry(1, first), entry(2, last)), n);
        List<Integer> expected = IntStream.range(0, n).filter(i -> Math.abs(last[i]) > 2).boxed().toList();
        assertEquals(TuneCharts.MAX_LINES, shown.size());
        assertEquals(expected, shown);
    }

    @Test
    void fewEntriesAreAllDrawn() {
        List<Integer> shown = TuneCharts.shown(List.of(entry(1, new double[3])), 3);
        assertEquals(List.of(0, 1, 2), shown);
    }

    @Test
    void hyperEntriesAreNamedByTheirIndices() {
        var layout = new hyp.runtime.train.Layout(List.of("a", "K"), List.of(new int[0], new int[] {2, 3}));
        assertEquals(List.of("a", "K[0, 0]", "K[0, 1]", "K[0, 2]", "K[1, 0]", "K[1, 1]", "K[1, 2]"),
                new HyperNames(layout).entries());
    }
}
