package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors, several errors in one file, and how a diagnostic is rendered. Name, type and shape errors are in
 * {@link TypeDiagnosticsTest}; declarations, optimizers, train and tune in {@link DeclarationDiagnosticsTest}.
 */
class DiagnosticsTest {
    static Stream<DiagnosticCase> syntaxErrors() {
        return Stream.of(
                of("missing closing brace", """
                        def f(x: real) -> real {
                            return x
                        """, 2, 13, "unexpected end of file, expecting '}'"),
                of("stray character", "def f(x: real) = x $ 2", 1, 20, "unexpected character '$'"),
                of("range without an upper bound", """
                        def f() -> int {
                            for i in 1.. {
                            }
                            return 0
                        }
                        """, 2, 18, "unexpected '{', expecting an expression"),
                of("operator at the end of the file", "def f(x: real) = x +", 1, 21,
                        "unexpected end of file, expecting an expression"),
                of("operand missing before the next declaration", """
                        def f(x: real) = x +
                        def g(y: real) = y
                        """, 2, 1, "unexpected 'def', expecting an expression"),
                of("two operators in a row", "def f(x: real) = 1 +* x", 1, 21, "unexpected '*', expecting an expression"),
                of("trailing comma in a parameter list", "def f(x: real, ) = x", 1, 16, "expected a name before ')'"),
                of("dimensions without a comma", "data X: real[n d]", 1, 16, "unexpected 'd', expecting ',' or ']'"),
                of("keyword used as a name", "data def: real", 1, 6, "'def' is a keyword and cannot be used as a name"),
                of("missing type", "param w: = 0", 1, 10, "expected 'real', 'int' or 'bool' before '='"),
                of("unclosed parenthesis", "def f(x: real) = (x + 1", 1, 24, "expected ')' at end of file"),
                of("extra closing brace", """
                        def f(x: real) -> real {
                            return x
                        }}
                        """, 3, 2, "unexpected '}', expecting a declaration or end of file"),
                of("statement outside a def", "x = 1", 1, 1, "unexpected 'x', expecting a declaration"),
                of("'else' followed by a plain statement", """
                        def f(x: real) -> real {
                            if x > 0 { return 1 } else return 2
                        }
                        """, 2, 32, "expected 'if' or '{' after 'else'"),
                of("step count without 'steps'", """
                        param w: real[d]
                        def loss(w) = sum(w)
                        train w on loss by sgd for 200
                        """, 3, 31, "expected 'steps' or 'epochs' at end of file"),
                of("setting without '='", """
                        param w: real[d]
                        def loss(w) = sum(w)
                        train w on loss by adam(lr 0.1)
                        """, 3, 28, "expected '=' before '0.1'"),
                of("integer literal out of range", "def f() = 99999999999", 1, 11, "integer '99999999999' is too large"),
                of("real literal out of range", "def f() = 1e999", 1, 11, "number '1e999' is too large for a real"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @Test
    void everyCheckerErrorOfAFileIsReportedInSourceOrder() {
        List<Diagnostic> all = DiagnosticCase.errors("""
                data X: real[n, d]
                def f(x: real) = x + unknown
                def g(b: bool) -> real {
                    X = 1
                    return b
                }
                def h(v: real[d]) = X @ v + X @ X
                param w: real[d] = 0
                def loss(w) = sum(w)
                train w on loss by adamx
                """);
        assertLocations(all,
                "2:22 undefined name 'unknown'",
                "3:19 def 'g' is declared to return real but returns bool",
                "4:5 cannot assign to data 'X' inside a def",
                "7:29 inner dimensions d and n differ",
                "10:20 unknown optimizer 'adamx'");
    }

    @Test
    void syntaxErrorsInSeveralDeclarationsAreAllReported() {
        List<Diagnostic> all = DiagnosticCase.errors("""
                def f(x: real) = x +
                def g(y: real) = y $
                def h(z: real) = (z
                """);
        assertLocations(all,
                "2:1 unexpected 'def', expecting an expression",
                "2:20 unexpected character '$'",
                "3:20 expected ')' at end of file");
    }

    /** Each expectation is "line:column words-of-the-message", in the order the diagnostics must come. */
    private static void assertLocations(List<Diagnostic> all, String... expected) {
        StringBuilder got = new StringBuilder();
        for (Diagnostic d : all) got.append(d.span().line()).append(':').append(d.span().column()).append(' ').append(d.message()).append('\n');
        assertEquals(expected.length, all.size(), "diagnostics:\n" + got);
        for (int i = 0; i < expected.length; i++) {
            String[] parts = expected[i].split(" ", 2);
            Diagnostic d = all.get(i);
            assertEquals(parts[0], d.span().line() + ":" + d.span().column(), "diagnostic " + (i + 1) + " of:\n" + got);
            assertTrue(d.message().contains(parts[1]), "diagnostic " + (i + 1) + " '" + d.message() + "' lacks '" + parts[1] + "'");
        }
    }

    @Test
    void renderingShowsFileLineColumnTheSourceLineAndACaretUnderTheOffendingText() {
        Diagnostic d = single("""
                def f(x: real) -> real {
                    return x + foo(x)
                }
                """);
        assertEquals("""
                t.hyp:2:16: error: undefined function 'foo'
                        return x + foo(x)
                                   ^^^""", d.render());
    }

    @Test
    void caretFollowsTabsOfTheSourceLine() {
        Diagnostic d = single("def f(x: real) -> real {\n\treturn\ty\n}\n");
        assertEquals("t.hyp:2:9: error: undefined name 'y'\n    \treturn\ty\n    \t      \t^", d.render());
    }

    @Test
    void missingTokenAtTheEndOfTheFileIsShownJustPastTheLastToken() {
        Diagnostic d = single("def f(x: real) -> real {\n    return x   # no brace\n");
        assertEquals(2, d.span().line());
        assertEquals(13, d.span().column());
        String[] lines = d.render().split("\n");
        assertEquals("        return x   # no brace", lines[1]);
        assertEquals(" ".repeat(4 + 12) + "^", lines[2]); // 4 of indent, then past "    return x"
    }

    @Test
    void everyKindOfLineEndStartsANewLine() {
        for (String end : List.of("\n", "\r\n", "\r")) {
            Diagnostic d = single("def f(x: real) = x" + end + "def g(y: real) = z" + end);
            assertEquals("2:18", d.span().line() + ":" + d.span().column(), "line end " + end.replace("\r", "CR").replace("\n", "LF"));
            assertEquals("z", d.span().text());
        }
    }

    @Test
    void exceptionMessageHoldsEveryRenderedDiagnostic() {
        try {
            Pipeline.check(new SourceFile("m.hyp", "def f(x: real) = a\ndef g(y: real) = b\n"));
        } catch (CompileException e) {
            assertEquals(2, e.diagnostics().size());
            assertEquals(e.diagnostics().get(0).render() + "\n" + e.diagnostics().get(1).render(), e.getMessage());
            assertTrue(e.getMessage().startsWith("m.hyp:1:18: error: undefined name 'a'"), e.getMessage());
            return;
        }
        throw new AssertionError("accepted a program with undefined names");
    }

    private static Diagnostic single(String source) {
        List<Diagnostic> all = DiagnosticCase.errors(source);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }
}
