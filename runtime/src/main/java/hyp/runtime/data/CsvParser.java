package hyp.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One pass over the bytes of a numeric CSV file: splits lines, skips the byte-order mark, blank lines,
 * {@code #} comment lines and an optional header, and parses every field into a {@link ValueBuffer}.
 * Every problem becomes a {@link DataFormatException} with the file, line and character column.
 */
final class CsvParser {
    /** The numbers of a file in row-major order, with its row and column counts. */
    record Table(int rows, int columns, double[] values) {}

    private static final int MAX_SHOWN = 40;

    private final String source;
    private final boolean allowNonFinite;
    private final CsvHeader header;
    private final DecimalParser number = new DecimalParser();
    private final ValueBuffer values = new ValueBuffer();
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineNumber;
    private int lineStart;
    private boolean sawContent;
    private boolean sawHeader;
    private int columns = -1;
    private String columnsFrom;
    private int rows;
    /** Why the first content line was read as data, appended to errors on that line; null elsewhere. */
    private String firstLineIsData;
    private long firstContentLine;

    CsvParser(String source, boolean allowNonFinite, CsvHeader header) {
        this.source = source;
        this.allowNonFinite = allowNonFinite;
        this.header = header;
    }

    Table parse(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        boolean anyByte = false;
        int n;
        while ((n = in.read(buf)) >= 0) {
            anyByte |= n > 0;
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    append(buf, start, i);
                    processLine();
                    start = i + 1;
                }
            }
            append(buf, start, n);
        }
        if (lineLength > 0) {
            processLine();
        }
        if (rows == 0) {
            throw new DataFormatException(source, 0, 0, !anyByte ? "the file is empty, expected rows of numbers"
                    : "no rows of numbers found (only " + (sawHeader ? "a header, " : "")
                            + "comments or blank lines)");
        }
        return new Table(rows, columns, values.toArray());
    }

    private void append(byte[] buf, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return;
        }
        if (lineLength + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + len));
        }
        System.arraycopy(buf, from, line, lineLength, len);
        lineLength += len;
    }

    private void processLine() throws DataFormatException {
        lineNumber++;
        int from = 0;
        int to = lineLength;
        lineLength = 0;
        if (lineNumber == 1 && to >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF) {
            from = 3;
        }
        lineStart = from;
        from = skipBlanks(from, to);
        to = trimBlanks(from, to);
        if (from == to || line[from] == '#') {
            return;
        }
        if (!sawContent) {
            sawContent = true;
            firstContentLine = lineNumber;
            String numberLike = header == CsvHeader.DETECT ? firstNumberLikeField(from, to) : null;
            if (header == CsvHeader.PRESENT || header == CsvHeader.DETECT && numberLike == null) {
                sawHeader = true;
                columns = countHeaderFields(from, to);
                columnsFrom = "the header (line " + lineNumber + ")";
                return;
            }
            firstLineIsData = header == CsvHeader.ABSENT ? null
                    : "line " + lineNumber + " is read as data, not as a header, because " + numberLike
                            + "; a header's fields must all be names";
        }
        parseRow(from, to);
    }

    private void parseRow(int from, int to) throws DataFormatException {
        int count = 0;
        int pos = from;
        while (true) {
            int end = indexOfComma(pos, to);
            if (count == columns) {
                throw raggedRow(countFields(from, to));
            }
            int fs = skipBlanks(pos, end);
            int fe = trimBlanks(fs, end);
            values.add(parseField(fs, fe));
            count++;
            if (end == to) {
                break;
            }
            pos = end + 1;
        }
        if (columns < 0) {
            columns = count;
            columnsFrom = "the first row (line " + lineNumber + ")";
        } else if (count != columns) {
            throw raggedRow(count);
        }
        if (values.size() > ValueBuffer.MAX_VALUES) {
            throw new DataFormatException(source, lineNumber, 0, "more than " + ValueBuffer.MAX_VALUES
                    + " values, too many for one tensor");
        }
        rows++;
    }

    private double parseField(int fs, int fe) throws DataFormatException {
        if (fs == fe) {
            throw error(charColumn(fs), "empty value, expected a number");
        }
        DecimalParser.Kind kind = number.parse(line, fs, fe);
        switch (kind) {
            case NUMBER:
                return number.value();
            case NOT_A_NUMBER:
                throw error(charColumn(fs), quote(fs, fe) + " is not a number" + headerNote());
            case NON_FINITE:
                if (allowNonFinite) {
                    return number.value();
                }
                throw error(charColumn(fs), quote(fs, fe)
                        + " is not a finite number; NaN and infinities are rejected unless explicitly allowed");
            default:
                if (allowNonFinite) {
                    return number.value();
                }
                throw error(charColumn(fs), quote(fs, fe)
                        + " is beyond the range of a double (about 1.8e308); it would become infinite");
        }
    }

    /** A located error. */
    private DataFormatException error(int column, String problem) {
        return new DataFormatException(source, lineNumber, column, problem);
    }

    /** On the first content line, says why that line was read as data rather than as a header. */
    private String headerNote() {
        return firstLineIsData != null && lineNumber == firstContentLine ? " (" + firstLineIsData + ")" : "";
    }

    private DataFormatException raggedRow(int count) {
        return error(0, "row has " + count + (count == 1 ? " value" : " values")
                + ", expected " + columns + " like " + columnsFrom);
    }

    /**
     * Why the first content line cannot be a header, or null if it can: a header's fields are all names,
     * so a field that is a number (NaN and infinities included) or merely starts like one ({@code 1x},
     * {@code -.5q}) makes the line data, where a malformed value is then an error rather than a
     * silently dropped row.
     */
    private String firstNumberLikeField(int from, int to) {
        boolean anyName = false;
        int pos = from;
        while (true) {
            int fs = skipBlanks(pos, to);
            int end = indexOfComma(fs < to && line[fs] == '"' ? closingQuote(fs, to) : fs, to);
            int fe = trimBlanks(fs, end);
            if (fs < fe) {
                if (number.parse(line, fs, fe) != DecimalParser.Kind.NOT_A_NUMBER) {
                    return quote(fs, fe) + " is a number";
                }
                if (startsLikeNumber(fs, fe)) {
                    return quote(fs, fe) + " starts like a number";
                }
                anyName = true;
            }
            if (end == to) {
                return anyName ? null : "it has no names";
            }
            pos = end + 1;
        }
    }

    /** The index just past the quote closing the one at {@code open}, or {@code to} if none does. */
    private int closingQuote(int open, int to) {
        for (int i = open + 1; i < to; i++) {
            if (line[i] == '"') {
                return i + 1;
            }
        }
        return to;
    }

    /** An optional sign, then a digit or a point followed by a digit. */
    private boolean startsLikeNumber(int fs, int fe) {
        int i = fs;
        if (i < fe && (line[i] == '+' || line[i] == '-')) {
            i++;
        }
        if (i < fe && line[i] == '.') {
            i++;
        }
        return i < fe && line[i] >= '0' && line[i] <= '9';
    }

    /** Header names may be quoted and contain commas. */
    private int countHeaderFields(int from, int to) {
        int count = 1;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (line[i] == '"') {
                quoted = !quoted;
            } else if (line[i] == ',' && !quoted) {
                count++;
            }
        }
        return count;
    }

    private int countFields(int from, int to) {
        int count = 1;
        for (int i = from; i < to; i++) {
            if (line[i] == ',') {
                count++;
            }
        }
        return count;
    }

    private int indexOfComma(int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == ',') {
                return i;
            }
        }
        return to;
    }

    private int skipBlanks(int from, int to) {
        while (from < to && (line[from] == ' ' || line[from] == '\t' || line[from] == '\r')) {
            from++;
        }
        return from;
    }

    private int trimBlanks(int from, int to) {
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t' || line[to - 1] == '\r')) {
            to--;
        }
        return to;
    }

    /** 1-based column in characters: UTF-8 continuation bytes do not start a character. */
    private int charColumn(int byteIndex) {
        int column = 1;
        for (int i = lineStart; i < byteIndex; i++) {
            if ((line[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    private String quote(int fs, int fe) {
        String text = new String(line, fs, fe - fs, StandardCharsets.UTF_8);
        if (text.codePointCount(0, text.length()) > MAX_SHOWN) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_SHOWN)) + "...";
        }
        return "'" + text + "'";
    }
}
