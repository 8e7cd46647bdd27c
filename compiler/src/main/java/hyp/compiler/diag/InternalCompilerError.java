package hyp.compiler.diag;

/** A bug in hyp itself, not in the user's program: reported as "internal error" with the .hyp location; exit 3. */
public final class InternalCompilerError extends RuntimeException {
    private final Span span;

    public InternalCompilerError(Span span, String message, Throwable cause) {
        super(message, cause);
        this.span = span;
    }

    public InternalCompilerError(Span span, String message) {
        this(span, message, null);
    }

    public Span span() {
        return span;
    }
}
