package hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here byte by byte: images, labels, other types, gzip, and every way a file can be broken. */
class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file: header (type, dims) then the given entry bytes. */
    static byte[] idx(int type, int[] dims, byte[] entries) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + entries.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(entries);
        return b.array();
    }

    /** 3 images of 2 x 2 pixels, pixel value 10 * image + position, and their 3 labels. */
    static byte[] images() {
        byte[] px = new byte[12];
        for (int i = 0; i < 12; i++) px[i] = (byte) (10 * (i / 4) + i % 4 + (i == 11 ? 200 : 0));
        return idx(0x08, new int[] {3, 2, 2}, px);
    }

    static byte[] labels(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return idx(0x08, new int[] {values.length}, b);
    }

    private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        if (!gzip) {
            Files.write(p, bytes);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream z = new GZIPOutputStream(out)) {
                z.write(bytes);
            }
            Files.write(p, out.toByteArray());
        }
        return p;
    }

    @Test
    void imagesAreScaledToTheUnitIntervalAndLabelsKeepTheirValues() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Tensor t = IdxReader.read(write("train-images-idx3-ubyte" + (gzip ? ".gz" : ""), images(), gzip));
            assertArrayEquals(new int[] {3, 2, 2}, t.shape);
            assertEquals(13 / 255.0, t.data[7]);
            assertEquals(223 / 255.0, t.data[11], "byte 223 read unsigned (signed it would be -33)");
            Tensor y = IdxReader.read(write("train-labels-idx1-ubyte" + (gzip ? ".gz" : ""), labels(7, 0, 9), gzip));
            assertArrayEquals(new double[] {7, 0, 9}, y.data);
        }
    }

    @Test
    void otherElementTypesAreBigEndianAndUnscaled() throws IOException {
        ByteBuffer f = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-2.25f);
        assertArrayEquals(new double[] {1.5, -2.25}, IdxReader.read(write("a.idx", idx(0x0D, new int[] {2, 1}, f.array()), false)).data);
        ByteBuffer s = ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 7);
        assertArrayEquals(new double[] {-300, 7}, IdxReader.read(write("b.idx", idx(0x0B, new int[] {2}, s.array()), false)).data);
        ByteBuffer d = ByteBuffer.allocate(8).putDouble(Math.PI);
        assertArrayEquals(new double[] {Math.PI}, IdxReader.read(write("c.idx", idx(0x0E, new int[] {1, 1}, d.array()), false)).data);
        assertArrayEquals(new double[] {-1, 2}, IdxReader.read(write("e.idx", idx(0x09, new int[] {1, 2}, new byte[] {-1, 2}), false)).data);
    }

    @Test
    void theFileNameSaysIdx() {
        for (String n : List.of("train-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz", "train-images.idx3-ubyte", "x.idx", "X.IDX.gz")) {
            assertTrue(IdxReader.isIdx(n), n);
        }
        for (String n : List.of("X.csv", "X.csv.gz", "idx.csv", "ubyte")) assertFalse(IdxReader.isIdx(n), n);
    }

    private String broken(String name, byte[] bytes, boolean gzip) throws IOException {
        Path p = write(name, bytes, gzip);
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        return e.problem();
    }

    @Test
    void brokenFilesAreNamedWithWhatIsWrong() throws IOException {
        byte[] good = images();
        assertTrue(broken("a-idx3-ubyte", Arrays.copyOf(good, good.length - 2), false)
                .contains("truncated IDX data: the header [3, 2, 2] needs 12 bytes of entries, the file has 10"));
        assertTrue(broken("b-idx3-ubyte", Arrays.copyOf(good, 9), false).contains("truncated IDX header: rank 3 needs 12 bytes"));
        assertTrue(broken("c-idx3-ubyte", Arrays.copyOf(good, good.length + 1), false).contains("more bytes after the 12 entries"));
        byte[] magic = good.clone();
        magic[0] = 'P';
        assertTrue(broken("d-idx3-ubyte", magic, false).contains("not an IDX file"));
        byte[] type = good.clone();
        type[2] = 0x0A;
        assertTrue(broken("e-idx3-ubyte", type, false).contains("unknown IDX type code 0x0A"));
        assertTrue(broken("f-idx3-ubyte", new byte[] {0, 0}, false).contains("only 2 bytes"));
        Path gz = write("g-idx3-ubyte.gz", good, true);
        byte[] zipped = Files.readAllBytes(gz);
        assertTrue(broken("h-idx3-ubyte.gz", Arrays.copyOf(zipped, zipped.length / 2), false).contains("corrupt or truncated gzip"));
        ByteBuffer nan = ByteBuffer.allocate(4).putFloat(Float.NaN);
        assertTrue(broken("i.idx", idx(0x0D, new int[] {1}, nan.array()), false).contains("entry 0 is NaN"));
    }

    @Test
    void theDeclarationShapesTheRowsAndOneHotIsAskedFor() throws IOException {
        Path img = write("train-images-idx3-ubyte", images(), false);
        Tensor flat = DataFile.read(img, List.of("n", "4"), null, "data X: real[n, 4]");
        assertArrayEquals(new int[] {3, 4}, flat.shape);
        assertEquals(13 / 255.0, flat.data[7]);
        assertArrayEquals(new int[] {3, 1, 2, 2}, DataFile.read(img, List.of("n", "1", "2", "2"), null, "X").shape);
        assertArrayEquals(new int[] {3, 4}, DataFile.read(img, List.of("n", "d"), null, "X").shape);
        assertArrayEquals(new int[] {3, 2, 2}, DataFile.read(img, List.of("n", "h", "w"), null, "X").shape);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DataFile.read(img, List.of("n", "5"), null, "data X: real[n, 5]"));
        assertTrue(e.getMessage().startsWith(img + ": the IDX header's dimensions [3, 2, 2] do not fit the declaration "
                + "data X: real[n, 5]: rows of 4 entries"), e.getMessage());
        assertThrows(DataFormatException.class, () -> DataFile.read(img, List.of("n", "a", "b", "c"), null, "X"));

        Path lab = write("train-labels-idx1-ubyte", labels(2, 0, 1), false);
        Tensor y = DataFile.read(lab, List.of("n", "3"), DataFile.ONE_HOT, "data Y: real[n, 3]");
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, y.data);
        assertArrayEquals(new int[] {3}, DataFile.read(lab, List.of("n"), null, "y").shape, "labels stay indices unless asked");
        DataFormatException range = assertThrows(DataFormatException.class,
                () -> DataFile.read(lab, List.of("n", "2"), DataFile.ONE_HOT, "data Y: real[n, 2]"));
        assertTrue(range.getMessage().contains("row 1 holds 2.0, which is not a class index from 0 to 1"), range.getMessage());
        assertThrows(DataFormatException.class, () -> DataFile.read(img, List.of("n", "4"), DataFile.ONE_HOT, "X"));
        Path csv = dir.resolve("y.csv");
        Files.writeString(csv, "1\n0\n");
        assertArrayEquals(new double[] {0, 1, 1, 0}, DataFile.read(csv, List.of("n", "2"), DataFile.ONE_HOT, "Y").data);
    }
}
