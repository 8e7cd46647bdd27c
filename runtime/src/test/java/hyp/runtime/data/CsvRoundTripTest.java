package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
    @TempDir
    Path dir;

    private static final double[] AWKWARD = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        0.1, 1.0 / 3, 2.0 / 3, 1e22, 1e23, 9007199254740993.0, 123456789012345678.0, 1e-7, 1e7, 4.35e-310,
        Math.PI, -Math.E, Math.nextUp(1.0), Math.nextDown(1.0), 5e-324
    };

    /** Doubles over the whole range: awkward values first, then random bit patterns that are finite. */
    private static double[] values(int count, long seed) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            if (i < AWKWARD.length) {
                v[i] = AWKWARD[i];
                continue;
            }
            double d;
            do {
                d = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
            } while (!Double.isFinite(d));
            v[i] = d;
        }
        return v;
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Test
    void matrixRoundTripIsBitExact() throws IOException {
        Tensor t = new Tensor(values(60 * 7, 1), 60, 7);
        Path f = dir.resolve("m.csv");
        CsvWriter.write(t, f);
        Tensor back = CsvReader.STRICT.read(f);
        assertArrayEquals(t.shape, back.shape);
        assertArrayEquals(bits(t.data), bits(back.data));
    }

    @Test
    void vectorRoundTripStaysAVector() throws IOException {
        Tensor t = new Tensor(values(300, 2), 300);
        Path f = dir.resolve("v.csv");
        CsvWriter.write(t, f);
        Tensor back = CsvReader.STRICT.read(f);
        assertArrayEquals(new int[] {300}, back.shape);
        assertArrayEquals(bits(t.data), bits(back.data));
        assertEquals(300, Files.readAllLines(f).size(), "one value per line");
    }

    @Test
    void gzipByNameIsCompressedAndReadsBack() throws IOException {
        Tensor t = new Tensor(values(40 * 3, 3), 40, 3);
        Path f = dir.resolve("m.csv.gz");
        CsvWriter.write(t, f);
        byte[] raw = Files.readAllBytes(f);
        assertEquals(0x1f, raw[0] & 0xff);
        assertEquals(0x8b, raw[1] & 0xff);
        Tensor back = CsvReader.STRICT.read(f);
        assertArrayEquals(bits(t.data), bits(back.data));
        assertArrayEquals(t.shape, back.shape);
    }

    @Test
    void singleRowAndColumnMatricesKeepTheirOrientationWithReadMatrix() throws IOException {
        Tensor row = new Tensor(new double[] {1.5, -2, 3}, 1, 3);
        Tensor col = new Tensor(new double[] {1.5, -2, 3}, 3, 1);
        CsvWriter.write(row, dir.resolve("row.csv"));
        CsvWriter.write(col, dir.resolve("col.csv"));
        assertEquals(row, CsvReader.STRICT.readMatrix(dir.resolve("row.csv")));
        assertEquals(col, CsvReader.STRICT.readMatrix(dir.resolve("col.csv")));
        assertEquals(Tensor.vector(1.5, -2, 3), CsvReader.STRICT.read(dir.resolve("row.csv")));
        assertEquals(Tensor.vector(1.5, -2, 3), CsvReader.STRICT.read(dir.resolve("col.csv")));
    }

    @Test
    void nonFiniteValuesRoundTripOnlyThroughAPermissiveReader() throws IOException {
        Tensor t = Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1);
        Path f = dir.resolve("nf.csv");
        CsvWriter.write(t, f);
        assertEquals(t, new CsvReader(true).read(f));
        assertThrows(DataFormatException.class, () -> CsvReader.STRICT.read(f));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old contents that are longer than the new ones\n");
        CsvWriter.write(Tensor.vector(7), f);
        assertEquals(List.of("7.0"), Files.readAllLines(f));
        assertEquals(List.of("out.csv"), listing(dir));
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path f = dir.resolve("a/b/c.csv");
        CsvWriter.write(Tensor.vector(1, 2), f);
        assertEquals(Tensor.vector(1, 2), CsvReader.STRICT.read(f));
    }

    @Test
    void aFailedMoveLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("busy.csv");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThrows(IOException.class, () -> CsvWriter.write(Tensor.vector(1, 2), target));
        assertEquals(List.of("busy.csv"), listing(dir));
        assertEquals("keep", Files.readString(target.resolve("inside.txt")));
    }

    @Test
    void refusesShapesCsvCannotHold() {
        IllegalArgumentException rank3 = assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.write(Tensor.zeros(2, 2, 2), dir.resolve("t.csv")));
        assertTrue(rank3.getMessage().contains("rank-3"), rank3.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.write(Tensor.zeros(0, 3), dir.resolve("e.csv")));
        assertTrue(empty.getMessage().contains("empty tensor"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.write(Tensor.zeros(), dir.resolve("s.csv")));
    }

    @Test
    void writtenFilesAreReadableAsPlainText() throws IOException {
        Path f = dir.resolve("m.csv");
        CsvWriter.write(Tensor.matrix(new double[][] {{1, -0.0}, {0.1, 2e-300}}), f);
        try (InputStream in = Files.newInputStream(f)) {
            assertEquals("1.0,-0.0\n0.1,2.0E-300\n", new String(in.readAllBytes()));
        }
    }

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
