package hyp.compiler.diag;

import java.util.List;
import java.util.stream.Collectors;

/** The user's program is wrong; carries every diagnostic found. Exit code 2 at the command line. */
public final class CompileException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public static CompileException at(Span span, String message) {
        return new CompileException(List.of(new Diagnostic(Diagnostic.Severity.ERROR, span, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
