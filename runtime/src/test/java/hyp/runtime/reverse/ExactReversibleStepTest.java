package hyp.runtime.reverse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.exact.FixedPointOverflowException;
import hyp.runtime.exact.Rational;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact step returns to s_0 bit-for-bit, its buffers grow as predicted, and its failures are located. */
class ExactReversibleStepTest {
    private static final Quadratic Q = new Quadratic(6, 11);
    private static final double[] LAMBDA = {-1, -2, -0.5, -3, -1.5, -2.5};

    private static double[] adamStart() {
        double[] s = new double[3 * Q.n];
        double[] g = Q.gradient(s, LAMBDA);
        for (int i = 0; i < Q.n; i++) {
            s[Q.n + i] = g[i];
            s[2 * Q.n + i] = g[i] * g[i];
        }
        return s;
    }

    /** Runs T steps forward and T back; asserts the state moved and came back bit-for-bit with empty buffers. */
    private static ExactReversibleStep roundTrip(UpdateSequence seq, double[] s0, int steps) {
        ExactReversibleStep ex = new ExactReversibleStep(seq, FixedPointFormats.observe(seq, s0, LAMBDA, steps));
        ex.start(s0, LAMBDA);
        long[][] start = ex.fixedState();
        for (int t = 0; t < steps; t++) ex.forward();
        assertFalse(Arrays.deepEquals(start, ex.fixedState()), "the forward run should change the state");
        for (int t = 0; t < steps; t++) ex.inverse();
        assertTrue(Arrays.deepEquals(start, ex.fixedState()), "s_0 recovered bit-for-bit");
        assertTrue(ex.buffersEmpty(), "buffers and corrections empty at s_0");
        assertEquals(0, ex.step());
        return ex;
    }

    @Test
    void momentumReturnsToTheStartBitForBit() {
        roundTrip(Q.momentum(0.1, "0.9"), new double[2 * Q.n], 10_000);
    }

    @Test
    void adamReturnsToTheStartBitForBit() {
        roundTrip(Q.adam(0.01, 1e-8), adamStart(), 10_000);
    }

    @Test
    void gradientDescentIsSolvedForExactlyWithCorrectionsWhereTheGridMapIsNotOneToOne() {
        // lr·λmax close to 1: the inverse search contracts slowly and neighbouring grid points collide often.
        UpdateSequence seq = Q.gradientDescent(0.4);
        ExactReversibleStep ex = roundTrip(seq, new double[Q.n], 3_000);
        assertTrue(ex.searchEvaluations() > 2 * 3_000, "each implicit inverse searched");
        assertTrue(ex.peakCorrections() > 0, "this run needs corrections, so the test covers them");
    }

    @Test
    void bufferGrowsByLog2OfOneOverGammaPerElementAndStep() {
        UpdateSequence seq = Q.adam(0.01, 1e-8);
        int steps = 5_000;
        ExactReversibleStep ex = new ExactReversibleStep(seq, FixedPointFormats.observe(seq, adamStart(), LAMBDA, steps));
        ex.start(adamStart(), LAMBDA);
        for (int t = 0; t < steps; t++) ex.forward();
        double perStep = Math.log(10.0 / 9) / Math.log(2) + Math.log(1000.0 / 999) / Math.log(2);   // ≈ 0.1535
        double predicted = steps * Q.n * perStep;
        double constant = 2 * Q.n * 64;   // one partly used 64-bit head per element and buffer
        assertTrue(ex.bufferBits() <= 1.05 * predicted + constant, ex.bufferBits() + " bits, predicted " + predicted);
        assertTrue(ex.bufferBits() >= 0.95 * predicted, ex.bufferBits() + " bits, predicted " + predicted);
        assertEquals(perStep * Q.n, seq.bufferBitsPerStep(), 1e-12);
    }

    @Test
    void overflowNamesTheVariableAndTheStep() {
        // w = w + 1 from 0 with range ±2^3: w = 7 after step 7, and step 8 leaves the range.
        UpdateGroup one = new UpdateGroup(List.of(new Update(0, "w", Rational.of(1, 1), 1, false)),
                (s, h, t) -> new Object[] {1.0}, false);
        UpdateSequence seq = new UpdateSequence(Q.layout("w"), 1, List.of(one), null, false);
        ExactReversibleStep ex = new ExactReversibleStep(seq, new FixedPointFormat[] {new FixedPointFormat(60)});
        ex.start(new double[Q.n], LAMBDA);
        for (int t = 0; t < 7; t++) ex.forward();
        FixedPointOverflowException e = assertThrows(FixedPointOverflowException.class, ex::forward);
        assertEquals("w", e.variable());
        assertEquals(8, e.step());
        assertTrue(e.getMessage().contains("w[0] at step 8"), e.getMessage());
    }

    @Test
    void theUntilRuleFreezesTheStateAndTheInverseThawsItAtTheSameStep() {
        int stop = 37, steps = 100;
        UpdateSequence seq = Q.momentumUntil(0.1, stop);
        ExactReversibleStep ex = new ExactReversibleStep(seq, FixedPointFormats.uniform(seq, 50));
        double[] s0 = new double[seq.state().size()];
        ex.start(s0, LAMBDA);
        double[] view = new double[s0.length], atStop = null;
        for (int t = 0; t < steps; t++) {
            ex.forward();
            ex.view(view);
            if (t + 1 == stop) atStop = view.clone();
        }
        assertEquals(stop - 1, ex.stoppedAt(), "the rule held after step " + stop);
        assertArrayEquals(atStop, view, "later steps keep the state");
        assertEquals(1.0, view[seq.stopSlot()]);
        for (int t = 0; t < steps; t++) ex.inverse();
        ex.view(view);
        assertArrayEquals(s0, view);
        assertEquals(-1, ex.stoppedAt());
    }

    @Test
    void inverseAtTheStartIsRefused() {
        ExactReversibleStep ex = new ExactReversibleStep(Q.momentum(0.1, "0.9"), FixedPointFormats.uniform(Q.momentum(0.1, "0.9"), 50));
        ex.start(new double[2 * Q.n], LAMBDA);
        assertThrows(IllegalStateException.class, ex::inverse);
    }
}
