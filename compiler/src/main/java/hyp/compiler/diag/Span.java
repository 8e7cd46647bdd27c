package hyp.compiler.diag;

/** Where a piece of syntax stands: 1-based line and column of its first character, and its length on that line. */
public record Span(SourceFile file, int line, int column, int length) {
    public static Span of(SourceFile file, int line, int column, int length) {
        return new Span(file, line, column, Math.max(1, length));
    }

    /** The smallest span covering both, when they start on the same line; otherwise this one. */
    public Span to(Span end) {
        if (end == null || end.line != line || end.column < column) return this;
        return new Span(file, line, column, end.column + end.length - column);
    }

    public String location() {
        return file.name() + ":" + line + ":" + column;
    }

    /** The source text under the span (clipped to its line). */
    public String text() {
        String l = file.line(line);
        int from = Math.min(Math.max(column - 1, 0), l.length());
        return l.substring(from, Math.min(l.length(), from + length));
    }
}
