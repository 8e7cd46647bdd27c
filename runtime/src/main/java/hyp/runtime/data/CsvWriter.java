package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tensors as CSV that {@link CsvReader} reads back bit for bit.
 *
 * <p>A vector is written one value per line, a matrix one row per line. Values are printed by
 * {@link Double#toString}, which round-trips every double exactly (including {@code -0.0}; NaN and
 * infinities print as {@code NaN}, {@code Infinity}, which only a reader that allows them accepts).
 * A name ending in {@code .gz} is gzip-compressed. The file is written beside its target under a
 * temporary name and then moved into place, so readers never see it half-written.
 */
public final class CsvWriter {
    private CsvWriter() {}

    /**
     * Writes {@code t} (rank 1 or 2, at least one element) to {@code file}, replacing any file there and
     * creating missing parent folders.
     *
     * @throws IllegalArgumentException for another rank or an empty tensor, which CSV cannot describe
     */
    public static void write(Tensor t, Path file) throws IOException {
        if (t.rank() != 1 && t.rank() != 2) {
            throw new IllegalArgumentException("CsvWriter: cannot write a rank-" + t.rank() + " tensor to "
                    + file + "; CSV holds vectors and matrices");
        }
        if (t.size() == 0) {
            throw new IllegalArgumentException("CsvWriter: cannot write an empty tensor to " + file
                    + "; a CSV file without numbers has no shape");
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        AtomicFile.write(target, raw -> {
            boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
            OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
                writeValues(t, w);
            }
        });
    }

    private static void writeValues(Tensor t, Writer w) throws IOException {
        int columns = t.rank() == 1 ? 1 : t.dim(1);
        int rows = t.dim(0);
        StringBuilder line = new StringBuilder(Math.min(columns, 1 << 16) * 24);
        double[] d = t.data;
        for (int i = 0; i < rows; i++) {
            line.setLength(0);
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                if (j > 0) {
                    line.append(',');
                }
                line.append(d[base + j]); // same digits as Double.toString
            }
            line.append('\n');
            w.append(line);
        }
    }
}
