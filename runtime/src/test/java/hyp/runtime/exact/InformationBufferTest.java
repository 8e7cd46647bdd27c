package hyp.runtime.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer as a stack of digits of any radix: order, bijectivity, density. */
class InformationBufferTest {
    private static final long MAX = InformationBuffer.MAX_RADIX;

    @Test
    void digitsComeBackInReverseOrderAndLeaveTheBufferEmpty() {
        Random rnd = new Random(10);
        InformationBuffer buf = new InformationBuffer(3);
        int count = 20_000;
        long[][] radix = new long[3][count];
        long[][] digit = new long[3][count];
        for (int i = 0; i < count; i++) {
            for (int e = 0; e < 3; e++) {
                radix[e][i] = randomRadix(rnd);
                digit[e][i] = Math.floorMod(rnd.nextLong(), radix[e][i]);
                buf.push(e, digit[e][i], radix[e][i]);
            }
        }
        assertFalse(buf.isEmpty());
        for (int i = count - 1; i >= 0; i--) {
            for (int e = 2; e >= 0; e--) {
                assertEquals(digit[e][i], buf.pop(e, radix[e][i]), "digit " + i + " of element " + e);
            }
        }
        assertTrue(buf.isEmpty());
        assertEquals(0, buf.bitsUsed());
    }

    @Test
    void popThenPushOfAnyRadixRestoresForeignContents() {
        // Forward multiplies pop digits in a radix the buffer was not filled with; push must still undo that.
        Random rnd = new Random(11);
        InformationBuffer buf = new InformationBuffer(1);
        for (int i = 0; i < 3000; i++) {
            buf.push(0, rnd.nextInt(1000), 1000);
        }
        BigInteger before = buf.value(0);
        int count = 5000;
        long[] radix = new long[count];
        long[] digit = new long[count];
        for (int i = 0; i < count; i++) {
            radix[i] = randomRadix(rnd);
            digit[i] = buf.pop(0, radix[i]);
            assertTrue(digit[i] >= 0 && digit[i] < radix[i]);
        }
        for (int i = count - 1; i >= 0; i--) {
            buf.push(0, digit[i], radix[i]);
        }
        assertEquals(before, buf.value(0));
    }

    @Test
    void interleavedPushesAndPopsUndoInReverse() {
        // A random walk around a few words deep rewrites the same word slots over and over.
        Random rnd = new Random(18);
        InformationBuffer buf = new InformationBuffer(1);
        int count = 200_000;
        boolean[] pushed = new boolean[count];
        long[] radix = new long[count];
        long[] digit = new long[count];
        for (int i = 0; i < count; i++) {
            radix[i] = randomRadix(rnd);
            pushed[i] = buf.bitsUsed() < 200 || rnd.nextBoolean();
            if (pushed[i]) {
                digit[i] = Math.floorMod(rnd.nextLong(), radix[i]);
                buf.push(0, digit[i], radix[i]);
            } else {
                digit[i] = buf.pop(0, radix[i]);
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            if (pushed[i]) {
                assertEquals(digit[i], buf.pop(0, radix[i]), "step " + i);
            } else {
                buf.push(0, digit[i], radix[i]);
            }
        }
        assertTrue(buf.isEmpty());
    }

    @Test
    void smallContentsFollowPlainMixedRadixArithmetic() {
        // While N is small the buffer is literally N ← N·r + s and (N mod r, N div r).
        Random rnd = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            InformationBuffer buf = new InformationBuffer(1);
            BigInteger reference = BigInteger.ZERO;
            while (true) {
                long r = 2 + rnd.nextInt(1000);
                long s = rnd.nextInt((int) r);
                BigInteger next = reference.multiply(BigInteger.valueOf(r)).add(BigInteger.valueOf(s));
                if (next.bitLength() > 31) {
                    break;
                }
                buf.push(0, s, r);
                reference = next;
                assertEquals(reference, buf.value(0));
            }
            long r = 2 + rnd.nextInt(1000);
            assertEquals(reference.mod(BigInteger.valueOf(r)).longValue(), buf.pop(0, r));
            assertEquals(reference.divide(BigInteger.valueOf(r)), buf.value(0));
        }
    }

    @Test
    void emptyBufferPopsZeroAndAbsorbsPushedZero() {
        InformationBuffer buf = new InformationBuffer(2);
        assertEquals(0, buf.pop(1, 1000));
        buf.push(1, 0, 999);
        assertTrue(buf.isEmpty());
        buf.push(0, 5, 7);
        assertFalse(buf.isEmpty());
        buf.clear();
        assertTrue(buf.isEmpty());
    }

    @Test
    void storageIsOneMixedRadixNumberNotWholeBitsPerDigit() {
        // 10^5 digits base 1000 need 10^5·log2(1000) ≈ 99658 bits; a digit rounded to 10 bits would take 10^5.
        Random rnd = new Random(13);
        InformationBuffer buf = new InformationBuffer(1);
        int count = 100_000;
        for (int i = 0; i < count; i++) {
            buf.push(0, 1 + rnd.nextInt(999), 1000);
        }
        double ideal = count * Math.log(1000) / Math.log(2);
        assertEquals(ideal, buf.bitsUsed(), 2.0);
        assertEquals(buf.value(0).bitLength(), buf.bitsUsed());
        assertTrue(buf.wordsAllocated() <= 1 + 2 * (buf.bitsUsed() / 64 + 1), "words " + buf.wordsAllocated());
    }

    static long randomRadix(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0: return 1 + rnd.nextInt(16);
            case 1: return 1 + rnd.nextInt(5000);
            default: return 1 + Math.floorMod(rnd.nextLong(), MAX);
        }
    }
}
