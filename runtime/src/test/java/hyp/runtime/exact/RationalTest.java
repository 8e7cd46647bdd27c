package hyp.runtime.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void decimalsAreTakenAsTheExactFractionTheyWrite() {
        assertEquals(new Rational(9, 10), Rational.of("0.9"));
        assertEquals(new Rational(999, 1000), Rational.of("0.999"));
        assertEquals(new Rational(1, 1000), Rational.of("1e-3"));
        assertEquals(new Rational(5, 2), Rational.of("2.50"));
        assertEquals(new Rational(-1, 4), Rational.of("-0.25"));
        assertEquals(new Rational(100, 1), Rational.of("1E+2"));
        assertEquals(new Rational(9, 10), Rational.of(0.9));
        assertEquals(new Rational(99, 100), Rational.of(0.99));
    }

    @Test
    void constructionReducesAndNormalisesSign() {
        Rational r = Rational.of(-6, -8);
        assertEquals(3, r.numerator());
        assertEquals(4, r.denominator());
        assertEquals(new Rational(-3, 4), Rational.of(6, -8));
        assertEquals(new Rational(0, 1), Rational.of(0, 7));
        assertEquals("3/4", r.toString());
        assertEquals(new Rational(4, 3), r.reciprocal());
        assertEquals(0.75, r.toDouble());
    }

    @Test
    void classifiesDecayRates() {
        assertTrue(Rational.of("0.999").isBetweenZeroAndOne());
        assertFalse(Rational.of("1").isBetweenZeroAndOne());
        assertFalse(Rational.of("-0.5").isPositive());
    }

    @Test
    void rejectsWhatItCannotRepresent() {
        assertThrows(IllegalArgumentException.class, () -> Rational.of("abc"));
        assertThrows(IllegalArgumentException.class, () -> Rational.of("1e-30"));
        assertThrows(IllegalArgumentException.class, () -> Rational.of("1e-999"));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
    }
}
