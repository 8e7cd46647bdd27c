package hyp.runtime.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import org.junit.jupiter.api.Test;

class TapeTest {
    @Test
    void popsInReverseAndCountsItsPeakWithTensorPayloads() {
        try (TapeRecording rec = TapeRecording.start()) {
            Tape t = Tape.create();
            Tensor big = Tensor.zeros(100);
            Tape.pushReal(t, 1.5);
            Tape.pushInt(t, 7);
            Tape.pushTensor(t, big);
            Tape.pushReal(t, 2.5);
            assertEquals(2.5, Tape.popReal(t));
            assertSame(big, Tape.popTensor(t));
            Tape.pushReal(t, 3.5);   // fewer bytes than with the tensor held: the peak stays
            assertEquals(3.5, Tape.popReal(t));
            assertEquals(7, Tape.popInt(t));
            assertEquals(1.5, Tape.popReal(t));
            assertEquals(8 + 4 + 8 + 800 + 8, t.peakBytes());
            assertEquals(4, t.peakEntries());
            assertEquals(1, rec.tapes());
            assertEquals(t.peakBytes(), rec.largestPeakBytes());
            assertThrows(IllegalStateException.class, () -> Tape.popReal(t));
        }
    }

    @Test
    void tapesCreatedOutsideARecordingAreNotCollected() {
        Tape.create();
        try (TapeRecording outer = TapeRecording.start()) {
            try (TapeRecording inner = TapeRecording.start()) {
                Tape.create();
                assertEquals(1, inner.tapes());
            }
            Tape.create();
            assertEquals(1, outer.tapes());
        }
    }

    @Test
    void growsPastItsInitialCapacityWithoutLosingEntries() {
        Tape t = Tape.create();
        for (int i = 0; i < 100_000; i++) Tape.pushInt(t, i);
        for (int i = 99_999; i >= 0; i--) assertEquals(i, Tape.popInt(t));
    }
}
