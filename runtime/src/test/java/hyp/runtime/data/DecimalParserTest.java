package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-rolled number parser against {@link Double#parseDouble} as the independent reference. */
class DecimalParserTest {
    private final DecimalParser parser = new DecimalParser();

    private DecimalParser.Kind parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return parser.parse(b, 0, b.length);
    }

    private void assertSameAsJava(String s) {
        double expected = Double.parseDouble(s);
        DecimalParser.Kind kind = parse(s);
        assertEquals(Double.isInfinite(expected) ? DecimalParser.Kind.OUT_OF_RANGE : DecimalParser.Kind.NUMBER, kind, s);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parser.value()), s);
    }

    @Test
    void hardCasesRoundLikeJava() {
        String[] cases = {
            "0.1", "0.2", "0.3", "1e22", "1e23", "9007199254740992", "9007199254740993", "9007199254740995",
            "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "-0", "-0.0e5",
            "0.000000000000000000000000000001", "123456789012345678901234567890", "1.00000000000000011102230246251565",
            "3.141592653589793", "0.30000000000000004", "1e-22", "1e-23", "999999999999999999", "12345678901234567.8e-5"
        };
        for (String c : cases) {
            assertSameAsJava(c);
        }
    }

    @Test
    void randomDecimalStringsRoundLikeJava() {
        Random r = new Random(7);
        for (int trial = 0; trial < 40_000; trial++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) == 0) {
                sb.append(r.nextBoolean() ? '-' : '+');
            }
            int digits = 1 + r.nextInt(r.nextBoolean() ? 8 : 24);
            int point = r.nextInt(digits + 1);
            for (int k = 0; k < digits; k++) {
                if (k == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextInt(3) == 0) {
                sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(700) - 350);
            } else if (r.nextInt(4) == 0) {
                sb.append('e').append(r.nextInt(45) - 22);
            }
            assertSameAsJava(sb.toString());
        }
    }

    @Test
    void doubleToStringOutputParsesBackExactly() {
        Random r = new Random(11);
        for (int trial = 0; trial < 30_000; trial++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(d)) {
                assertSameAsJava(Double.toString(d));
            }
        }
    }

    @Test
    void javaOnlySyntaxAndMalformedTextAreNotNumbers() {
        String[] bad = {"", ".", "+", "-", "e5", "1e", "1e+", "--1", "+-1", "1.2.3", "1d", "2f", "0x10", "0x1p3",
            "1_000", "1 2", "nanx", "in", "infinit", "1e5.0"};
        for (String b : bad) {
            assertEquals(DecimalParser.Kind.NOT_A_NUMBER, parse(b), "'" + b + "'");
        }
    }

    @Test
    void nonFiniteLiteralsAreRecognisedWithSign() {
        assertEquals(DecimalParser.Kind.NON_FINITE, parse("-Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parser.value());
        assertEquals(DecimalParser.Kind.NON_FINITE, parse("INF"));
        assertEquals(Double.POSITIVE_INFINITY, parser.value());
        assertEquals(DecimalParser.Kind.NON_FINITE, parse("NaN"));
        assertEquals(true, Double.isNaN(parser.value()));
        assertEquals(DecimalParser.Kind.OUT_OF_RANGE, parse("-1e309"));
        assertEquals(Double.NEGATIVE_INFINITY, parser.value());
    }
}
