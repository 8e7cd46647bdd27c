package hyp.runtime.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive (as {@code npm pack} writes them): 512-byte ustar
 * headers with octal sizes, an optional name prefix, contents padded to 512 bytes, two zero blocks at the end.
 * Other entry kinds (folders, links, pax headers) are skipped.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {}

    /** The contents of the regular files whose path {@code wanted} accepts, by path, in archive order. */
    public static Map<String, byte[]> read(InputStream gzipped, Predicate<String> wanted) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(gzipped, 1 << 16));
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                throw new IOException("tar archive ends without its closing blocks");
            }
            if (allZero(header)) return out;
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && text(header, 257, 6).startsWith("ustar")) name = prefix + "/" + name;
            long size = octal(header, 124, 12, name);
            char type = (char) header[156];
            boolean regular = type == '0' || type == 0;
            if (size > Integer.MAX_VALUE - BLOCK) throw new IOException("tar entry " + name + " is too large: " + size + " bytes");
            byte[] body = new byte[(int) size];
            try {
                in.readFully(body);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
            } catch (EOFException e) {
                throw new IOException("tar archive is truncated inside " + name);
            }
            if (regular && wanted.test(name)) out.put(name, body);
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) return false;
        }
        return true;
    }

    private static String text(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) end++;
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int from, int length, String entry) throws IOException {
        String s = text(b, from, length).trim();
        if (s.isEmpty()) return 0;
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar entry " + entry + " has a malformed size field '" + s + "'");
        }
    }
}
