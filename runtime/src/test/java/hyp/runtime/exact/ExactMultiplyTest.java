package hyp.runtime.exact;

import static hyp.runtime.exact.InformationBufferTest.randomRadix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact, reversible multiplication by γ = n/d through an {@link InformationBuffer}. */
class ExactMultiplyTest {
    private static final long MAX = InformationBuffer.MAX_RADIX;

    @Test
    void multiplyUsesFloorDivisionAndFloorModForBothSigns() {
        // 7·9/10 = 6.3 → 6 remainder 3;  −7·9/10 = −6.3 → −7 remainder 7 (floor, not truncation).
        InformationBuffer buf = new InformationBuffer(2);
        Rational gamma = Rational.of("0.9");
        assertEquals(6, buf.mulExact(7, 0, gamma));
        assertEquals(-7, buf.mulExact(-7, 1, gamma));
        assertEquals(3, buf.pop(0, 10));
        assertEquals(7, buf.pop(1, 10));

        Random rnd = new Random(14);
        for (int trial = 0; trial < 20_000; trial++) {
            long x = trial < 8 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, 0, -MAX, MAX, 3}[trial]
                    : rnd.nextLong() >> rnd.nextInt(64);
            long d = randomRadix(rnd);
            long n = 1 + Math.floorMod(rnd.nextLong(), Math.min(MAX, 2 * d));   // γ ∈ (0, 2]
            Rational g = Rational.of(n, d);
            InformationBuffer fresh = new InformationBuffer(1);     // empty: the popped digit is 0
            BigInteger t = BigInteger.valueOf(x).multiply(BigInteger.valueOf(g.numerator()));
            BigInteger den = BigInteger.valueOf(g.denominator());
            BigInteger expected = floorDiv(t, den);
            if (expected.bitLength() > 63) {
                assertThrows(FixedPointOverflowException.class, () -> fresh.mulExact(x, 0, g), x + "·" + g);
                assertTrue(fresh.isEmpty());
                continue;
            }
            long y = fresh.mulExact(x, 0, g);
            assertEquals(expected, BigInteger.valueOf(y), x + "·" + g);
            assertEquals(t.mod(den), fresh.value(0), "remainder of " + x + "·" + g);
            assertEquals(x, fresh.unmulExact(y, 0, g));
            assertTrue(fresh.isEmpty());
        }
    }

    @Test
    void multiplyIsWithinOneUnitBelowAndGammaAboveTheExactProduct() {
        Random rnd = new Random(15);
        InformationBuffer buf = new InformationBuffer(1);
        for (int i = 0; i < 2000; i++) {
            buf.push(0, rnd.nextInt(1 << 30), 1 << 30);
        }
        for (int trial = 0; trial < 20_000; trial++) {
            long x = rnd.nextLong() >> rnd.nextInt(64);
            long d = randomRadix(rnd);
            Rational g = Rational.of(1 + Math.floorMod(rnd.nextLong(), d), d);
            long y = buf.mulExact(x, 0, g);
            // y·d − x·n must lie in (−d, n): y ∈ (xγ − 1, xγ + γ).
            BigInteger gap = BigInteger.valueOf(y).multiply(BigInteger.valueOf(g.denominator()))
                    .subtract(BigInteger.valueOf(x).multiply(BigInteger.valueOf(g.numerator())));
            assertTrue(gap.compareTo(BigInteger.valueOf(-g.denominator())) > 0
                    && gap.compareTo(BigInteger.valueOf(g.numerator())) < 0, x + "·" + g + " gave " + y);
        }
    }

    @Test
    void manyMultipliesByRandomRatiosUndoBitForBit() {
        Random rnd = new Random(16);
        int elements = 64;
        int steps = 20_000;
        long[] x = new long[elements];
        for (int i = 0; i < elements; i++) {
            x[i] = i < 8 ? i - 4 : (rnd.nextBoolean() ? 1 : -1) * (rnd.nextLong() >>> (20 + rnd.nextInt(14)));
        }
        long[] original = x.clone();
        Rational[] gammas = new Rational[steps];
        InformationBuffer buf = new InformationBuffer(elements);
        long[] halfway = null;
        for (int t = 0; t < steps; t++) {
            long biggest = 0;
            for (long v : x) {
                biggest = Math.max(biggest, Math.abs(v));
            }
            // Keep magnitudes between about 2^40 and 2^56 by growing or shrinking; radices small and large.
            long d = rnd.nextBoolean() ? 2 + rnd.nextInt(2000) : 2 + rnd.nextInt(1 << 29);
            double factor = biggest > (1L << 56) ? 0.5 + 0.5 * rnd.nextDouble()
                    : biggest < (1L << 40) ? 1 + 0.5 * rnd.nextDouble() : 0.75 + 0.5 * rnd.nextDouble();
            gammas[t] = Rational.of(Math.max(1, (long) (d * factor)), d);
            buf.mulExact(x, gammas[t], "x", t);
            if (t == steps / 2) {
                halfway = x.clone();
            }
        }
        assertFalse(Arrays.equals(original, halfway));
        assertTrue(buf.bitsUsed() > 0);
        for (int t = steps - 1; t >= 0; t--) {
            buf.unmulExact(x, gammas[t], "x", t);
            if (t == steps / 2 + 1) {
                assertArrayEquals(halfway, x);
            }
        }
        assertArrayEquals(original, x);
        assertTrue(buf.isEmpty());
    }

    @Test
    void adamDecayRatesCostTheirInformationAndNoMore() {
        // Per element and step: log2(10/9) + log2(1000/999) ≈ 0.1535 bits, plus at most a word of slack.
        Random rnd = new Random(17);
        int elements = 4;
        int steps = 100_000;
        Rational g1 = Rational.of("0.9");
        Rational g2 = Rational.of("0.999");
        long[] m = new long[elements];
        long[] v = new long[elements];
        long[][] noise = new long[steps][elements];
        InformationBuffer buf = new InformationBuffer(elements);
        for (int t = 0; t < steps; t++) {
            buf.mulExact(m, g1, "m", t);
            buf.mulExact(v, g2, "v", t);
            for (int i = 0; i < elements; i++) {
                noise[t][i] = rnd.nextLong() >> 20;
                m[i] += noise[t][i];
                v[i] += Math.abs(noise[t][i]);
            }
        }
        double perStep = Math.log(10.0 / 9) / Math.log(2) + Math.log(1000.0 / 999) / Math.log(2);
        double ideal = (double) elements * steps * perStep;
        long bits = buf.bitsUsed();
        assertTrue(bits <= 1.05 * ideal + 64 * elements, bits + " bits vs ideal " + ideal);
        assertEquals(ideal, bits, 64.0 * elements, "bits against T·Σlog2(1/γ)");
        assertTrue(buf.wordsAllocated() <= elements + 2 * (bits / 64 + elements), "words " + buf.wordsAllocated());
        for (int t = steps - 1; t >= 0; t--) {
            for (int i = 0; i < elements; i++) {
                m[i] -= noise[t][i];
                v[i] -= Math.abs(noise[t][i]);
            }
            buf.unmulExact(v, g2, "v", t);
            buf.unmulExact(m, g1, "m", t);
        }
        assertArrayEquals(new long[elements], m);
        assertArrayEquals(new long[elements], v);
        assertTrue(buf.isEmpty());
    }

    @Test
    void overflowIsReportedAndLeavesTheElementUntouched() {
        InformationBuffer buf = new InformationBuffer(3);
        for (int e = 0; e < 3; e++) {
            buf.push(e, 123, 1000);
        }
        long[] x = {5, Long.MAX_VALUE / 2, 7};
        FixedPointOverflowException up = assertThrows(FixedPointOverflowException.class,
                () -> buf.mulExact(x, Rational.of(3, 1), "w", 9));
        assertEquals(1, up.index());
        assertEquals(9, up.step());
        assertTrue(up.getMessage().contains("w[1] at step 9"), up.getMessage());
        assertEquals(Long.MAX_VALUE / 2, x[1]);
        assertEquals(BigInteger.valueOf(123), buf.value(1));
        assertEquals(BigInteger.valueOf(123), buf.value(2));
        assertEquals(15, x[0]);   // elements before the failing one are already multiplied
        assertEquals(7, x[2]);

        long[] y = {Long.MIN_VALUE / 2};
        BigInteger before = buf.value(0);
        assertThrows(FixedPointOverflowException.class, () -> buf.unmulExact(y, Rational.of("0.25")));
        assertEquals(Long.MIN_VALUE / 2, y[0]);
        assertEquals(before, buf.value(0));
    }

    @Test
    void rejectsNonPositiveGammaAndOversizedRadices() {
        InformationBuffer buf = new InformationBuffer(1);
        long[] x = {1};
        assertThrows(IllegalArgumentException.class, () -> buf.mulExact(x, Rational.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> buf.mulExact(x, Rational.of("-0.9")));
        assertThrows(IllegalArgumentException.class, () -> buf.mulExact(x, Rational.of(1, MAX + 1)));
        assertThrows(IllegalArgumentException.class, () -> buf.push(0, 0, MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> buf.push(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> buf.mulExact(new long[2], Rational.of("0.5")));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }
}
