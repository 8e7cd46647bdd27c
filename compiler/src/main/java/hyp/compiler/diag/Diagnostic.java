package hyp.compiler.diag;

/** One message about the user's program, anchored at a span. */
public record Diagnostic(Severity severity, Span span, String message) {
    public enum Severity { ERROR, WARNING }

    /** {@code file:line:col: error: message}, the source line, and a caret under the offending text. */
    public String render() {
        String kind = severity == Severity.ERROR ? "error" : "warning";
        String source = span.file().line(span.line());
        StringBuilder out = new StringBuilder();
        out.append(span.location()).append(": ").append(kind).append(": ").append(message).append('\n');
        out.append("    ").append(source).append('\n');
        out.append("    ");
        for (int i = 1; i < span.column() && i <= source.length(); i++) {
            out.append(source.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(span.length(), Math.max(1, source.length() - span.column() + 1)));
        out.append("^".repeat(width));
        return out.toString();
    }
}
