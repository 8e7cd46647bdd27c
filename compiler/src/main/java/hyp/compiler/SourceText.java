package hyp.compiler;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A .hyp file's bytes as text: UTF-8, with a leading byte-order mark (which some editors write) dropped. Bytes
 * that are not UTF-8 are a located error at the first of them, not a decoder's bare message.
 */
final class SourceText {
    private SourceText() {}

    private static final char BOM = '\uFEFF';

    static SourceFile decode(String name, byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = strict.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            String before = dropBom(out.flip().toString());
            String lossy = dropBom(new String(bytes, StandardCharsets.UTF_8));
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw CompileException.at(Span.of(new SourceFile(name, lossy), line, column, 1),
                    String.format("byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8", bytes[bad] & 0xff, bad));
        }
        strict.flush(out);
        return new SourceFile(name, dropBom(out.flip().toString()));
    }

    private static String dropBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
