package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the MNIST format ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, and their
 * {@code .gz}, recognised by content), into tensors of the header's shape.
 *
 * <p>Format: two zero bytes, a type code (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D
 * float32, 0x0E float64), the rank r, then r big-endian int32 sizes and the entries, big-endian, row-major. Nothing
 * may follow the entries.
 *
 * <p>Values: unsigned bytes in a file of rank 2 or more (images) are scaled to [0, 1] by dividing by 255; in a
 * file of rank 1 (labels) they keep their integer values (class indices). Every other type keeps its values.
 * The bytes are read in one piece and converted once: the tensor's {@code double[]} is the only copy kept.
 */
public final class IdxReader {
    private IdxReader() {}

    /** Whether a file name says IDX: {@code ...idxN-ubyte}, {@code ...idxN-ubyte.gz}, {@code .idx} or {@code .idx.gz}. */
    public static boolean isIdx(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        return n.endsWith(".idx") || n.matches(".*idx[0-9]+-ubyte");
    }

    /** The file as a tensor of its header's dimensions; problems are {@link DataFormatException}s naming the file. */
    public static Tensor read(Path file) throws IOException {
        String source = file.toString();
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            boolean gzipped = CsvReader.startsWithGzipMagic(in);
            try (InputStream body = gzipped ? new GZIPInputStream(in, 1 << 16) : in) {
                return read(body, source);
            } catch (ZipException | EOFException e) {
                if (!gzipped) throw e;
                throw new DataFormatException(source, 0, 0, "corrupt or truncated gzip data (" + e.getMessage() + ")");
            }
        }
    }

    private static Tensor read(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4 || head[0] != 0 || head[1] != 0) {
            throw new DataFormatException(source, 0, 0, "not an IDX file: it must start with two zero bytes, a type code "
                    + "and a rank" + (head.length < 4 ? " (the file has only " + head.length + " bytes)" : ""));
        }
        int type = head[2] & 0xff;
        int width = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new DataFormatException(source, 0, 0, String.format("unknown IDX type code 0x%02X; expected "
                    + "0x08 (unsigned byte), 0x09, 0x0B, 0x0C, 0x0D or 0x0E", type));
        };
        int rank = head[3] & 0xff;
        if (rank == 0) throw new DataFormatException(source, 0, 0, "IDX header with rank 0; expected at least one dimension");
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new DataFormatException(source, 0, 0, "truncated IDX header: rank " + rank + " needs " + 4 * rank
                    + " bytes of sizes, the file has " + dimBytes.length);
        }
        ByteBuffer dims = ByteBuffer.wrap(dimBytes);
        int[] shape = new int[rank];
        long count = 1;
        for (int k = 0; k < rank; k++) {
            shape[k] = dims.getInt();
            if (shape[k] < 0) throw new DataFormatException(source, 0, 0, "IDX header size " + k + " is negative: " + shape[k]);
            count *= shape[k];
            if (count * width > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(source, 0, 0, "IDX header " + Arrays.toString(Arrays.copyOf(shape, k + 1))
                        + "... describes more entries than one array holds");
            }
        }
        int bytes = (int) count * width;
        byte[] body = in.readNBytes(bytes);
        if (body.length < bytes) {
            throw new DataFormatException(source, 0, 0, "truncated IDX data: the header " + Arrays.toString(shape) + " needs "
                    + bytes + " bytes of entries, the file has " + body.length);
        }
        if (in.read() >= 0) {
            throw new DataFormatException(source, 0, 0, "more bytes after the " + count + " entries the IDX header "
                    + Arrays.toString(shape) + " describes");
        }
        double[] values = new double[(int) count];
        ByteBuffer b = ByteBuffer.wrap(body);
        switch (type) {
            case 0x08 -> {
                boolean images = rank >= 2;
                for (int i = 0; i < values.length; i++) values[i] = images ? (body[i] & 0xff) / 255.0 : body[i] & 0xff;
            }
            case 0x09 -> { for (int i = 0; i < values.length; i++) values[i] = body[i]; }
            case 0x0B -> { for (int i = 0; i < values.length; i++) values[i] = b.getShort(); }
            case 0x0C -> { for (int i = 0; i < values.length; i++) values[i] = b.getInt(); }
            case 0x0D -> { for (int i = 0; i < values.length; i++) values[i] = b.getFloat(); }
            default -> { for (int i = 0; i < values.length; i++) values[i] = b.getDouble(); }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new DataFormatException(source, 0, 0, "entry " + i + " is " + values[i] + "; data must be finite");
            }
        }
        return new Tensor(values, shape);
    }
}
