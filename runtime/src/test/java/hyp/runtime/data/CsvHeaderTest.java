package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The header rule: declared, or every field of the first line is a name; never a guess on numbers. */
class CsvHeaderTest {
    private static Tensor read(CsvReader reader, String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    private static DataFormatException failure(CsvReader reader, String text) {
        return assertThrows(DataFormatException.class, () -> read(reader, text));
    }

    @Test
    void corruptFirstValueOfOneColumnFileIsAnErrorNotADroppedHeader() {
        DataFormatException e = failure(CsvReader.STRICT, "1x\n2\n3\n");
        assertEquals("t.csv:1:1: '1x' is not a number (line 1 is read as data, not as a header, because"
                + " '1x' starts like a number; a header's fields must all be names)", e.getMessage());
        assertEquals(1, e.line());
        assertEquals(1, e.column());
    }

    @Test
    void numberLikeFieldsOfEveryShapeMakeTheFirstLineData() {
        for (String first : new String[] {"-1x", "+.5q", ".7e", "2.5e+", "3,,"}) {
            DataFormatException e = failure(CsvReader.STRICT, first + "\n4\n");
            assertEquals(1, e.line(), e.getMessage());
        }
    }

    @Test
    void aNumberBesideNamesMakesTheLineDataAndTheErrorSaysSo() {
        DataFormatException e = failure(CsvReader.STRICT, "a,2\n1,2\n");
        assertEquals("t.csv:1:1: 'a' is not a number (line 1 is read as data, not as a header, because"
                + " '2' is a number; a header's fields must all be names)", e.getMessage());
    }

    @Test
    void errorsAfterTheFirstLineCarryNoHeaderNote() {
        DataFormatException e = failure(CsvReader.STRICT, "1\n2x\n");
        assertEquals("t.csv:2:1: '2x' is not a number", e.getMessage());
    }

    @Test
    void namesAreStillAHeader() throws IOException {
        assertEquals(Tensor.vector(1, 2), read(CsvReader.STRICT, "y\n1\n2\n"));
        assertEquals(Tensor.vector(1, 2), read(CsvReader.STRICT, "x_1, \"2nd\"\n1,2\n"));
        assertEquals(Tensor.vector(1, 2), read(CsvReader.STRICT, "e5,-\n1,2\n"));
    }

    @Test
    void declaredHeaderIsSkippedWhateverItHolds() throws IOException {
        CsvReader present = CsvReader.STRICT.withHeader(CsvHeader.PRESENT);
        assertEquals(Tensor.vector(2, 3), read(present, "1\n2\n3\n"));
        assertEquals(Tensor.vector(2, 3), read(present, "# note\n1x\n2\n3\n"));
    }

    @Test
    void declaredAbsentHeaderMakesNamesAnErrorWithoutTheNote() {
        CsvReader absent = CsvReader.STRICT.withHeader(CsvHeader.ABSENT);
        assertEquals("t.csv:1:1: 'y' is not a number", failure(absent, "y\n1\n").getMessage());
    }
}
