package hyp.runtime.hyper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Method names: each parses to its method and back, and a bad one is named with every method it could have been. */
class HypergradientMethodTest {
    @ParameterizedTest
    @ValueSource(strings = {"unrolled", "tree", "binomial", "binomial:8", "numerical", "implicit", "complex",
            "reversible", "reversible:0", "reversible:40", "reversible:62"})
    void parsesEveryNameBackToItself(String name) {
        assertEquals(name, HypergradientMethod.parse(name).name());
    }

    @Test
    void countsGoToTheirRecords() {
        assertEquals(new HypergradientMethod.Binomial(8), HypergradientMethod.parse("binomial:8"));
        assertEquals(new HypergradientMethod.Reversible(null), HypergradientMethod.parse("reversible"));
        assertEquals(40, ((HypergradientMethod.Reversible) HypergradientMethod.parse("reversible:40")).fracBits());
    }

    @Test
    void standaloneMethodsGiveTheirStrategies() {
        assertInstanceOf(StoreAll.class, ((HypergradientMethod.Standalone) HypergradientMethod.parse("unrolled")).strategy(9));
        assertInstanceOf(TreeCheckpointing.class, ((HypergradientMethod.Standalone) HypergradientMethod.parse("tree")).strategy(9));
        assertInstanceOf(NumericalHypergradient.class,
                ((HypergradientMethod.Standalone) HypergradientMethod.parse("numerical")).strategy(9));
        // Plain binomial stores about √T states, so on a 100-step run it keeps as few states as binomial:10.
        Dynamics d = StoreAllTest.heavyBall();
        Hypergradient plain = new HypergradientMethod.Binomial(null).strategy(100).compute(d, 100, StoreAllTest.LAMBDA);
        Hypergradient ten = new HypergradientMethod.Binomial(10).strategy(100).compute(d, 100, StoreAllTest.LAMBDA);
        assertEquals(ten.memory().storedStates(), plain.memory().storedStates());
        Close.assertRelative(new StoreAll().compute(d, 100, StoreAllTest.LAMBDA).gradient(), plain.gradient(), 1e-12,
                "binomial against store-all");
    }

    @Test
    void unknownNamesListEveryMethod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse("magic"));
        assertEquals("unknown hypergradient method 'magic'; expected unrolled, tree, binomial, binomial:S, numerical, "
                + "numerical:C, implicit, complex, reversible or reversible:B", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse("tree:3"));
        assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binomial:0", "binomial:x", "binomial:", "binomial:-2"})
    void badSnapshotCountsSayWhatIsExpected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse(name));
        assertEquals("binomial takes a number of stored states >= 1, e.g. binomial:8", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"numerical:0", "numerical:1", "numerical:-1e-7", "numerical:x", "numerical:", "numerical:NaN"})
    void badStepScalesSayWhatIsExpected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse(name));
        assertEquals(HypergradientMethod.STEP_SCALE, e.getMessage());
    }

    /**
     * numerical:C differences with steps C·max(1, |λ|): its name reads back, and its steps are the ones asked for
     * (halving C quarters the truncation error, which dominates at these steps).
     */
    @Test
    void numericalTakesAStepScale() {
        HypergradientMethod m = HypergradientMethod.parse("numerical:1e-3");
        assertEquals(m, HypergradientMethod.parse(m.name()));
        Dynamics d = StoreAllTest.heavyBall();
        double[] exact = new StoreAll().compute(d, 50, StoreAllTest.LAMBDA).gradient();
        double[] coarse = ((HypergradientMethod.Standalone) m).strategy(50).compute(d, 50, StoreAllTest.LAMBDA).gradient();
        double[] half = new NumericalHypergradient(5e-4).compute(d, 50, StoreAllTest.LAMBDA).gradient();
        assertArrayEquals(new NumericalHypergradient(1e-3).compute(d, 50, StoreAllTest.LAMBDA).gradient(), coarse, 0.0);
        for (int i = 0; i < exact.length; i++) {
            double ratio = (coarse[i] - exact[i]) / (half[i] - exact[i]);
            assertTrue(ratio > 3.5 && ratio < 4.5, "entry " + i + ": error ratio " + ratio);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reversible:63", "reversible:-1", "reversible:bits"})
    void badFractionalBitsSayWhatIsExpected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HypergradientMethod.parse(name));
        assertEquals("reversible:B takes a number of fractional bits from 0 to 62, e.g. reversible:40", e.getMessage());
    }
}
