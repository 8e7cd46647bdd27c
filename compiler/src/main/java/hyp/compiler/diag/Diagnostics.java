package hyp.compiler.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one run, so the user sees them all at once. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void error(Span span, String message) {
        all.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** In source order; a span reported twice with the same message is shown once. */
    public List<Diagnostic> sorted() {
        return all.stream()
                .distinct()
                .sorted(Comparator.comparing((Diagnostic d) -> d.span().file().name())
                        .thenComparingInt(d -> d.span().line())
                        .thenComparingInt(d -> d.span().column()))
                .toList();
    }

    /** Stops the pipeline after a stage that found errors. */
    public void throwIfErrors() {
        if (hasErrors()) throw new CompileException(sorted());
    }
}
