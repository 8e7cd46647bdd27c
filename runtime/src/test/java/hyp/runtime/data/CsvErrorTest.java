package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message the reader produces: its location, the offending text and what was expected. */
class CsvErrorTest {
    @TempDir
    Path dir;

    private static DataFormatException failure(String source, byte[] bytes) {
        return assertThrows(DataFormatException.class,
                () -> CsvReader.STRICT.read(new ByteArrayInputStream(bytes), source));
    }

    private static DataFormatException failure(String source, String text) {
        return failure(source, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertLocated(DataFormatException e, long line, int column) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void wordInsteadOfNumberNamesLineColumnAndText() {
        DataFormatException e = failure("x.csv", "1,2,3\n4,5,6\n7.5,8.0,abc\n");
        assertEquals("x.csv:3:9: 'abc' is not a number", e.getMessage());
        assertLocated(e, 3, 9);
        assertEquals("x.csv", e.source());
        assertEquals("'abc' is not a number", e.problem());
    }

    @Test
    void columnsCountCharactersIncludingTabsAndSkipTheByteOrderMark() {
        DataFormatException tab = failure("t.csv", "1,2\n1,\t 2x\n");
        assertEquals("t.csv:2:5: '2x' is not a number", tab.getMessage());
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ',', '?'};
        DataFormatException bom = failure("b.csv", withBom);
        assertEquals("b.csv:1:3: '?' is not a number (line 1 is read as data, not as a header, because '1' is a"
                + " number; a header's fields must all be names)", bom.getMessage());
    }

    @Test
    void shortRowNamesTheFirstRowsLength() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 16; i++) {
            sb.append("1,2,3,4,5\n");
        }
        sb.append("1,2,3,4\n");
        DataFormatException e = failure("train.csv", sb.toString());
        assertEquals("train.csv:17: row has 4 values, expected 5 like the first row (line 1)", e.getMessage());
        assertLocated(e, 17, 0);
    }

    @Test
    void longRowIsCaughtAndCountedWhole() {
        DataFormatException e = failure("m.csv", "# c\n1,2\n3,4,5,6\n");
        assertEquals("m.csv:3: row has 4 values, expected 2 like the first row (line 2)", e.getMessage());
    }

    @Test
    void rowLengthIsFixedByTheHeaderWhenThereIsOne() {
        DataFormatException e = failure("h.csv", "a,b,c\n1,2\n");
        assertEquals("h.csv:2: row has 2 values, expected 3 like the header (line 1)", e.getMessage());
    }

    @Test
    void emptyValuesPointAtTheGap() {
        assertEquals("e.csv:1:3: empty value, expected a number", failure("e.csv", "1,,3\n").getMessage());
        assertEquals("e.csv:2:5: empty value, expected a number", failure("e.csv", "1,2,3\n1,2,\n").getMessage());
    }

    @Test
    void nonFiniteLiteralsAreRejectedWithTheirText() {
        DataFormatException nan = failure("n.csv", "1,2\n3,NaN\n");
        assertLocated(nan, 2, 3);
        assertTrue(nan.getMessage().startsWith("n.csv:2:3: 'NaN' is not a finite number"), nan.getMessage());
        assertTrue(nan.getMessage().contains("unless explicitly allowed"), nan.getMessage());
        DataFormatException inf = failure("n.csv", "-inf\n");
        assertTrue(inf.getMessage().startsWith("n.csv:1:1: '-inf' is not a finite number"), inf.getMessage());
    }

    @Test
    void numbersBeyondTheDoubleRangeAreRejected() {
        DataFormatException e = failure("big.csv", "1\n-1e400\n");
        assertTrue(e.getMessage().startsWith("big.csv:2:1: '-1e400' is beyond the range of a double"), e.getMessage());
    }

    @Test
    void longOffendingTextIsShortened() {
        char[] junk = new char[100];
        Arrays.fill(junk, 'z');
        DataFormatException e = failure("j.csv", "1\n" + new String(junk) + "\n");
        assertEquals("j.csv:2:1: '" + new String(junk, 0, 40) + "...' is not a number", e.getMessage());
    }

    @Test
    void emptyFilesAndFilesWithoutRowsSayWhatWasFound() {
        DataFormatException empty = failure("empty.csv", "");
        assertEquals("empty.csv: the file is empty, expected rows of numbers", empty.getMessage());
        assertLocated(empty, 0, 0);
        DataFormatException onlyHeader = failure("h.csv", "a,b\n# nothing else\n\n");
        assertEquals("h.csv: no rows of numbers found (only a header, comments or blank lines)",
                onlyHeader.getMessage());
        DataFormatException onlyComments = failure("c.csv", "# one\n\n# two\n");
        assertEquals("c.csv: no rows of numbers found (only comments or blank lines)", onlyComments.getMessage());
    }

    @Test
    void corruptGzipIsReportedAgainstTheFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                gz.write((i + "," + (i * 0.5) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] whole = bytes.toByteArray();
        Path file = dir.resolve("cut.csv.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.STRICT.read(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt or truncated gzip data"), e.getMessage());
    }

    @Test
    void messagesFromFilesNameThePathAsGiven() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "1,2\n3,x\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.STRICT.read(file));
        assertEquals(file + ":2:3: 'x' is not a number", e.getMessage());
    }

    @Test
    void errorsInGzippedFilesKeepTheirLocation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("1,2\n3,4\n5,six\n".getBytes(StandardCharsets.US_ASCII));
        }
        DataFormatException e = failure("z.csv.gz", bytes.toByteArray());
        assertEquals("z.csv.gz:3:3: 'six' is not a number", e.getMessage());
    }
}
