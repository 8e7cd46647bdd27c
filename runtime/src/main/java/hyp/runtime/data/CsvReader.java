package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads numeric CSV files into tensors.
 *
 * <p>Format: comma-separated numbers, one row per line; spaces and tabs around values are ignored;
 * blank lines and lines starting with {@code #} are skipped; the first remaining line is a header, skipped
 * but fixing the row length, as {@link CsvHeader} says: by default ({@link CsvHeader#DETECT}) exactly
 * when every field is a name, not a number nor text starting like one, so {@code 1x} on line 1 is a
 * located error, never a dropped row; errors on a first line read as data say why; {@code \n} or
 * {@code \r\n} line ends; an optional UTF-8 byte-order mark. Gzip-compressed files are recognised by
 * their content (whatever their name) and decompressed on the fly. NaN and infinities, written as
 * {@code NaN}, {@code Inf}, {@code Infinity} in any case or as numbers too large for a double, are
 * errors unless the reader allows them.
 *
 * <p>Every problem is a {@link DataFormatException} whose message starts with {@code file:line:col}.
 * Reading takes one pass and, at its end, about twice the memory of the resulting tensor (the values
 * are collected in chunks, then copied into one array).
 *
 * @param allowNonFinite whether NaN and ±infinity are accepted as values
 * @param header whether the first line is a header, or whether to decide from its fields
 */
public record CsvReader(boolean allowNonFinite, CsvHeader header) {
    /** The usual reader: NaN and infinities are errors, a header is detected by the rule above. */
    public static final CsvReader STRICT = new CsvReader(false);

    public CsvReader {
        if (header == null) {
            throw new IllegalArgumentException("CsvReader: header must not be null");
        }
    }

    /** A reader that detects a header. */
    public CsvReader(boolean allowNonFinite) {
        this(allowNonFinite, CsvHeader.DETECT);
    }

    /** This reader with the header declared present or absent, or detected. */
    public CsvReader withHeader(CsvHeader declared) {
        return new CsvReader(allowNonFinite, declared);
    }

    /**
     * Reads {@code file}: a single column or a single row becomes a vector (rank 1), anything else a
     * matrix of rows × columns (rank 2). Messages name the file as {@code file.toString()} shows it.
     */
    public Tensor read(Path file) throws IOException {
        return asTensor(table(file));
    }

    /**
     * Reads {@code file} as a rows × columns matrix (rank 2) even when it has one row or one column, so
     * that the file's orientation is kept; {@link ShapeBinding} uses this.
     */
    public Tensor readMatrix(Path file) throws IOException {
        CsvParser.Table t = table(file);
        return new Tensor(t.values(), t.rows(), t.columns());
    }

    /** Like {@link #read(Path)} from a stream; {@code source} names it in messages. Does not close it. */
    public Tensor read(InputStream in, String source) throws IOException {
        return asTensor(table(in, source));
    }

    /** Like {@link #readMatrix(Path)} from a stream; {@code source} names it in messages. Does not close it. */
    public Tensor readMatrix(InputStream in, String source) throws IOException {
        CsvParser.Table t = table(in, source);
        return new Tensor(t.values(), t.rows(), t.columns());
    }

    private CsvParser.Table table(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return table(in, file.toString());
        }
    }

    private CsvParser.Table table(InputStream raw, String source) throws IOException {
        // The wrapper keeps the caller's stream open while closing ours frees the inflater's memory now.
        BufferedInputStream in = new BufferedInputStream(new FilterInputStream(raw) {
            @Override
            public void close() {}
        }, 1 << 16);
        boolean gzipped = startsWithGzipMagic(in);
        try (InputStream body = gzipped ? new GZIPInputStream(in, 1 << 16) : in) {
            return new CsvParser(source, allowNonFinite, header).parse(body);
        } catch (ZipException | EOFException e) {
            if (!gzipped) {
                throw e;
            }
            throw new DataFormatException(source, 0, 0, "corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    /** Whether the stream starts with gzip's magic bytes; the stream is left where it was. */
    static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static Tensor asTensor(CsvParser.Table t) {
        if (t.columns() == 1) {
            return new Tensor(t.values(), t.rows());
        }
        if (t.rows() == 1) {
            return new Tensor(t.values(), t.columns());
        }
        return new Tensor(t.values(), t.rows(), t.columns());
    }
}
