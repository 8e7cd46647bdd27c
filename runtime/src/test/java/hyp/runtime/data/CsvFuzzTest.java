package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.runtime.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of well-formed CSV files (inserted, deleted, swapped and replaced characters and lines;
 * NUL and non-ASCII bytes; NaN, huge exponents, empty fields, stray quotes and headers): every outcome must be
 * either exactly the table a small independent parse of the mutated text finds, or a {@link DataFormatException}
 * at the line that parse says is the first bad one. Never another exception, never a silently different value.
 */
class CsvFuzzTest {
    private static final int CASES = 2000;
    private static final long SEED = 0x5eed_c5f;

    /** The number syntax the format documents, checked here with a regular expression instead of by hand. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS_LIKE_NUMBER = Pattern.compile("[+-]?\\.?\\d.*", Pattern.DOTALL);

    /** What the reference parse expects: a table, or an error on a line (0 for the whole file). */
    private record Expected(double[][] rows, long errorLine, boolean headerUncertain, List<double[]> afterFirst) {}

    @Test
    void mutatedFilesParseExactlyOrFailAtTheRightLine() {
        Random random = new Random(SEED);
        int parsed = 0, rejected = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] text = mutate(random, wellFormed(random));
            String shown = show(text);
            Expected want = reference(text);
            Tensor got;
            try {
                got = CsvReader.STRICT.readMatrix(new ByteArrayInputStream(text), "f.csv");
            } catch (DataFormatException e) {
                rejected++;
                assertTrue(e.getMessage().startsWith("f.csv"), e.getMessage());
                if (want.headerUncertain()) continue;
                assertEquals(want.errorLine(), e.line(), () -> "case " + shown + ": " + e.getMessage());
                if (e.line() > 0 && e.column() > 0) assertTrue(e.problem().contains("'") || e.problem().contains("empty"),
                        () -> "a located value error quotes the text: " + e.getMessage());
                continue;
            } catch (Throwable t) {
                fail("case " + shown + ": " + t, t);
                return;
            }
            parsed++;
            if (want.headerUncertain()) {
                assertTableEquals(want.afterFirst().toArray(double[][]::new), got, shown);
            } else {
                assertEquals(-1, want.errorLine(), () -> "case " + shown + " parsed, but the reference fails at line "
                        + want.errorLine());
                assertTableEquals(want.rows(), got, shown);
            }
        }
        // the mutations must exercise both outcomes, or the suite checks nothing
        assertTrue(parsed > CASES / 10 && rejected > CASES / 10, parsed + " parsed, " + rejected + " rejected");
    }

    private static void assertTableEquals(double[][] rows, Tensor got, String shown) {
        assertEquals(rows.length, got.shape[0], () -> "rows of " + shown);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(rows[i].length, got.shape[1], () -> "columns of " + shown);
            for (int j = 0; j < rows[i].length; j++) {
                double v = got.data[i * got.shape[1] + j];
                int ii = i, jj = j;
                assertEquals(Double.doubleToRawLongBits(rows[i][j]), Double.doubleToRawLongBits(v),
                        () -> "value (" + ii + ", " + jj + ") of " + shown + ": " + v + " instead of " + rows[ii][jj]);
            }
        }
    }

    // ---- generation ------------------------------------------------------------------------------------

    private static byte[] wellFormed(Random r) {
        StringBuilder s = new StringBuilder();
        String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
        if (r.nextInt(8) == 0) s.append('\uFEFF');
        if (r.nextInt(4) == 0) s.append("# generated").append(eol);
        int cols = 1 + r.nextInt(4), rows = 1 + r.nextInt(6);
        if (r.nextInt(3) == 0) {
            for (int j = 0; j < cols; j++) s.append(j == 0 ? "" : ",").append(r.nextInt(5) == 0 ? "\"x," + j + "\"" : "x" + j);
            s.append(eol);
        }
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(6) == 0) s.append(r.nextBoolean() ? "" : "  # note").append(eol);
            for (int j = 0; j < cols; j++) {
                s.append(j == 0 ? "" : ",").append(r.nextInt(5) == 0 ? " " : "").append(number(r))
                        .append(r.nextInt(6) == 0 ? "\t" : "");
            }
            s.append(eol);
        }
        if (r.nextBoolean()) s.setLength(s.length() - eol.length());
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String number(Random r) {
        switch (r.nextInt(7)) {
            case 0: return Integer.toString(r.nextInt(2000) - 1000);
            case 1: return Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            case 2: return String.format("%.3f", r.nextGaussian());
            case 3: return "." + r.nextInt(1000);
            case 4: return r.nextInt(100) + ".";
            case 5: return (r.nextBoolean() ? "+" : "-") + r.nextInt(10) + "e" + (r.nextInt(40) - 20);
            default: return Long.toString(r.nextLong()) + "." + r.nextInt(99999) + "e-" + r.nextInt(330);
        }
    }

    private static final String[] PIECES = {"1x", "NaN", "-inf", "Infinity", "1e400", "-1e-400", "", " ", "\t", ",",
        ",,", ".", "-", "+", "e", "E5", "1e", "\"", "#", "\n", "\r\n", "\r", "\u0000", "é", "\u00A0", "0x1p3", "1d",
        "1_000", "--1", "1..2", "a", "y", "\uFEFF", "9".repeat(400), "0." + "0".repeat(30) + "1"};

    private static byte[] mutate(Random r, byte[] original) {
        List<Byte> b = new ArrayList<>();
        for (byte x : original) b.add(x);
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = b.isEmpty() ? 0 : r.nextInt(b.size() + 1);
            switch (r.nextInt(7)) {
                case 0 -> { if (!b.isEmpty() && at < b.size()) b.remove(at); }
                case 1 -> insert(b, at, PIECES[r.nextInt(PIECES.length)]);
                case 2 -> { if (at < b.size()) b.set(at, (byte) r.nextInt(128)); }
                case 3 -> { if (at + 1 < b.size()) { byte t = b.get(at); b.set(at, b.get(at + 1)); b.set(at + 1, t); } }
                case 4 -> duplicateOrDropLine(r, b);
                case 5 -> { int cut = r.nextInt(b.size() + 1); while (b.size() > cut) b.remove(b.size() - 1); }
                default -> insert(b, at, number(r));
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) out[i] = b.get(i);
        return out;
    }

    private static void insert(List<Byte> b, int at, String piece) {
        byte[] p = piece.getBytes(StandardCharsets.UTF_8);
        for (int i = p.length - 1; i >= 0; i--) b.add(Math.min(at, b.size()), p[i]);
    }

    private static void duplicateOrDropLine(Random r, List<Byte> b) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < b.size(); i++) if (b.get(i) == '\n') starts.add(i + 1);
        int k = r.nextInt(starts.size());
        int from = starts.get(k), to = k + 1 < starts.size() ? starts.get(k + 1) : b.size();
        List<Byte> line = new ArrayList<>(b.subList(from, to));
        if (r.nextBoolean()) b.subList(from, to).clear();
        else b.addAll(to, line.isEmpty() || line.get(line.size() - 1) == '\n' ? line : withNewline(line));
    }

    private static List<Byte> withNewline(List<Byte> line) {
        List<Byte> out = new ArrayList<>();
        out.add((byte) '\n');
        out.addAll(line);
        return out;
    }

    // ---- the independent reference parse ----------------------------------------------------------------

    /**
     * The documented format, read line by line from the text (one char per byte, so odd bytes survive): BOM on
     * the first line, blanks (space, tab, CR) trimmed, blank and # lines skipped, the first remaining line a
     * header when every field is a name, then rows of equally many numbers.
     */
    private static Expected reference(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) return new Expected(null, 0, false, null);
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        boolean first = true, uncertain = false;
        long bad = -1;
        for (int n = 0; n < count; n++) {
            String line = lines[n];
            if (n == 0 && line.startsWith("\u00EF\u00BB\u00BF")) line = line.substring(3);
            line = trim(line);
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            if (first) {
                first = false;
                if (line.indexOf('"') >= 0) uncertain = true;
                if (isHeader(line)) {
                    columns = quotedFieldCount(line);
                    continue;
                }
            }
            String[] fields = line.split(",", -1);
            if (columns >= 0 && fields.length != columns) { bad = bad < 0 ? n + 1 : bad; if (!uncertain) break; continue; }
            double[] row = new double[fields.length];
            boolean ok = true;
            for (int j = 0; j < fields.length && ok; j++) {
                String f = trim(fields[j]);
                if (!NUMBER.matcher(f).matches()) { ok = false; break; }
                row[j] = Double.parseDouble(f);
                if (Double.isInfinite(row[j])) ok = false;
            }
            if (!ok) { bad = bad < 0 ? n + 1 : bad; if (!uncertain) break; continue; }
            if (columns < 0) columns = fields.length;
            rows.add(row);
        }
        List<double[]> afterFirst = uncertain ? rows : null;
        if (bad >= 0) return new Expected(null, bad, uncertain, afterFirst);
        if (rows.isEmpty()) return new Expected(null, 0, uncertain, afterFirst);
        return new Expected(rows.toArray(double[][]::new), -1, uncertain, afterFirst);
    }

    private static boolean isHeader(String line) {
        boolean anyName = false;
        for (String f : line.split(",", -1)) {
            String t = trim(f);
            if (t.isEmpty()) continue;
            if (NUMBER.matcher(t).matches() || NON_FINITE.matcher(t).matches() || STARTS_LIKE_NUMBER.matcher(t).matches()) {
                return false;
            }
            anyName = true;
        }
        return anyName;
    }

    private static int quotedFieldCount(String line) {
        int count = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) count++;
        }
        return count;
    }

    private static String trim(String s) {
        int from = 0, to = s.length();
        while (from < to && " \t\r".indexOf(s.charAt(from)) >= 0) from++;
        while (to > from && " \t\r".indexOf(s.charAt(to - 1)) >= 0) to--;
        return s.substring(from, to);
    }

    private static String show(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text) {
            if (b >= 32 && b < 127) out.write(b);
            else out.writeBytes(String.format("\\x%02x", b & 0xff).getBytes(StandardCharsets.US_ASCII));
        }
        return "'" + out.toString(StandardCharsets.US_ASCII) + "'";
    }
}
