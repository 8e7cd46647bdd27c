package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private static Tensor read(String text) throws IOException {
        return CsvReader.STRICT.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    private static Tensor readMatrix(String text) throws IOException {
        return CsvReader.STRICT.readMatrix(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    @Test
    void matrixFileBecomesRowsByColumns() throws IOException {
        Tensor t = read("1,2,3\n4,5,6\n");
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), t);
    }

    @Test
    void singleColumnAndSingleRowBecomeVectors() throws IOException {
        assertEquals(Tensor.vector(1, 2, 3), read("1\n2\n3\n"));
        assertEquals(Tensor.vector(1, 2, 3), read("1,2,3\n"));
        assertEquals(Tensor.vector(4), read("4"));
        assertArrayEquals(new int[] {3, 1}, readMatrix("1\n2\n3\n").shape);
        assertArrayEquals(new int[] {1, 3}, readMatrix("1,2,3").shape);
    }

    @Test
    void headerCommentsBlankLinesAndSpacesAreSkipped() throws IOException {
        String text = "# synthetic data, seed 1\n"
                + "\n"
                + "x1, \"x,2\", x3\n"
                + "  # indented comment\n"
                + " 1 ,\t2, 3 \n"
                + "\n"
                + "\t\n"
                + "4,5,6";
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), read(text));
    }

    @Test
    void singleColumnHeaderIsSkipped() throws IOException {
        assertEquals(Tensor.vector(-1, 1, 1), read("y\n-1\n1\n1\n"));
    }

    @Test
    void windowsLineEndsAndByteOrderMarkAreAccepted() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,b\r\n1,2\r\n3,4\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Tensor t = CsvReader.STRICT.read(new ByteArrayInputStream(all), "w.csv");
        assertEquals(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}), t);
    }

    @Test
    void numberSyntaxVariantsParseLikeJava() throws IOException {
        Tensor t = read("+1,-2.5,.5,5.,1e3,1E-3,-0,0.000,007,2.5e+2\n");
        double[] expected = {1, -2.5, 0.5, 5, 1000, 0.001, -0.0, 0.0, 7, 250};
        assertArrayEquals(expected, t.data);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(t.data[6]));
    }

    @Test
    void permissiveReaderAcceptsNonFiniteSpellings() throws IOException {
        Tensor t = new CsvReader(true).read(new ByteArrayInputStream(
                "nan,NaN,-Inf,+inf,Infinity,-INFINITY,1e400,-1e999\n".getBytes(StandardCharsets.US_ASCII)), "n.csv");
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, -inf, inf, inf, -inf, inf, -inf}, t.data);
    }

    @Test
    void gzipIsRecognisedByContentWhateverTheName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("h1,h2\n1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path named = dir.resolve("data.csv.gz");
        Path unnamed = dir.resolve("data.csv");
        Files.write(named, bytes.toByteArray());
        Files.write(unnamed, bytes.toByteArray());
        Tensor expected = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        assertEquals(expected, CsvReader.STRICT.read(named));
        assertEquals(expected, CsvReader.STRICT.read(unnamed));
    }

    @Test
    void linesLongerThanTheReadBufferAndManyRowsAreRead() throws IOException {
        int columns = 20_000; // a row of ~150 kB spans several 64 kB reads
        int rows = 5;
        StringBuilder sb = new StringBuilder();
        double[] expected = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double v = i * 1e5 + j + 0.25;
                expected[i * columns + j] = v;
                sb.append(j == 0 ? "" : ",").append(v);
            }
            sb.append('\n');
        }
        Tensor t = read(sb.toString());
        assertArrayEquals(new int[] {rows, columns}, t.shape);
        assertArrayEquals(expected, t.data);
    }

    @Test
    void streamIsLeftOpenForTheCaller() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("1,2\n".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CsvReader.STRICT.read(in, "s.csv");
        assertTrue(!closed[0], "the caller's stream must not be closed");
    }
}
