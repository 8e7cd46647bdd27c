package hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.SourceFile;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of a diagnostics table: a program with exactly one mistake, and where (1-based line and column) and
 * with what words the front end must report it.
 */
record DiagnosticCase(String what, String source, int line, int column, String fragment) {
    static DiagnosticCase of(String what, String source, int line, int column, String fragment) {
        return new DiagnosticCase(what, source, line, column, fragment);
    }

    /** The file name diagnostics are reported against. */
    static final String FILE = "t.hyp";

    /** Runs the front end on {@code source}, which must be rejected with a {@link CompileException}. */
    static List<Diagnostic> errors(String source) {
        try {
            Pipeline.lower(Pipeline.check(new SourceFile(FILE, source)));
        } catch (CompileException e) {
            assertTrue(!e.diagnostics().isEmpty(), "a CompileException without diagnostics");
            return e.diagnostics();
        }
        return fail("accepted, but it should be rejected:\n" + source);
    }

    /** Exactly one diagnostic, at the expected place, containing the expected words. */
    void assertReported() {
        List<Diagnostic> all = errors(source);
        String got = all.stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .collect(Collectors.joining("\n"));
        assertEquals(1, all.size(), "expected one diagnostic for '" + what + "', got:\n" + got);
        Diagnostic d = all.get(0);
        assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), "location of: " + d.message());
        assertTrue(d.message().contains(fragment), "message '" + d.message() + "' lacks '" + fragment + "'");
    }

    @Override
    public String toString() {
        return what;
    }
}
