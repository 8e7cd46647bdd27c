package hyp.compiler.diag;

import java.util.List;

/** A .hyp file's name (as the user gave it) and text, split into lines for error carets. */
public record SourceFile(String name, String text) {
    public List<String> lines() {
        return text.lines().toList();
    }

    /** The text of 1-based line {@code line}, or "" past the end. */
    public String line(int line) {
        List<String> all = lines();
        return line >= 1 && line <= all.size() ? all.get(line - 1) : "";
    }
}
