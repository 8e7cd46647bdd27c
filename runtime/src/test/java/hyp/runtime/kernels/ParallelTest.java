package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyIndexIsCoveredExactlyOnceWithAlignedChunks() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int count : new int[] {0, 1, 5, 64, 1001}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(count);
                Reference.withThreads(threads, () -> Parallel.forRange(count, 4, true, (from, to) -> {
                    assertTrue(from % 4 == 0, "chunk start " + from + " not aligned");
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                }));
                for (int i = 0; i < count; i++) {
                    assertEquals(1, hits.get(i), "index " + i + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void exceptionsInWorkersReachTheCaller() {
        Reference.withThreads(3, () -> assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(100, 1, true, (from, to) -> {
                    throw new IllegalStateException("boom");
                })));
    }

    @Test
    void nestedCallsComplete() {
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        Reference.withThreads(4, () -> Parallel.forRange(8, 1, true, (a, b) -> {
            for (int i = a; i < b; i++) {
                int row = i;
                Parallel.forRange(8, 1, true, (c, d) -> {
                    for (int j = c; j < d; j++) {
                        hits.incrementAndGet(row * 8 + j);
                    }
                });
            }
        }));
        for (int i = 0; i < 64; i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void threadCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    }
}
