package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.diag.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Misuses of the derivative built-ins grad(f, ...), jvp, vjp and hvp, each reported where it is. */
class DerivativeDiagnosticsTest {
    /** Defs the cases differentiate: lines 1 to 5; each case's own line comes after. */
    private static final String DEFS = """
            def cube(x: real[n]) = sum(x^3)
            def expo(x: real[n]) = exp(x)
            def both(x: real, y: real) = x * y
            def scaled(k: int, x: real) = k * x
            def sign(x: real) = x > 0
            """;

    static Stream<DiagnosticCase> callErrors() {
        return Stream.of(
                of("first argument a value, not a def", DEFS + "def g(x: real) = grad(x, x)", 6, 23, "'x' is not a def"),
                of("first argument a built-in", DEFS + "def g(x: real) = hvp(exp, x, x)", 6, 22, "'exp' is not a def"),
                of("first argument an expression", DEFS + "def g(x: real) = jvp(x + 1, x, x)", 6, 22,
                        "the first argument of 'jvp' must be the name of a def"),
                of("no arguments at all", DEFS + "def g(x: real) = vjp()", 6, 18, "'vjp' needs a def"),
                of("grad of a point outside an optimizer", DEFS + "def g(x: real) = grad(x)", 6, 18,
                        "'grad' is only available inside an optimizer"),
                of("too few arguments for the def", DEFS + "def g(x: real) = grad(both, x)", 6, 18,
                        "'grad' of 'both' takes 'both', its 2 arguments: 3 arguments, not 2"),
                of("jvp without a tangent", DEFS + "def g(x: real[n]) = jvp(cube, x)", 6, 21,
                        "takes 'cube', its 1 argument and a tangent: 3 arguments, not 2"),
                of("hvp with one argument too many", DEFS + "def g(x: real[n]) = hvp(cube, x, x, x)", 6, 21,
                        "and a direction: 3 arguments, not 4"),
                of("argument of the wrong type", DEFS + "def g(x: real) = grad(cube, x)", 6, 29,
                        "argument 1 of 'cube' must be real[n], not real"),
                of("later argument of the wrong type", DEFS + "def g(x: real) = grad(both, x, true)", 6, 32,
                        "argument 2 of 'both' must be real, not bool"),
                of("tangent of the wrong type", DEFS + "def g(x: real[n]) = jvp(cube, x, 1.0)", 6, 34,
                        "a tangent of 'jvp' must be real[n], not real"),
                of("cotangent of the wrong type", DEFS + "def g(x: real[n]) = vjp(expo, x, 1.0)", 6, 34,
                        "a cotangent of 'vjp' must be real[n], not real"),
                of("first parameter an int", DEFS + "def g(x: real) = grad(scaled, 2, x)", 6, 23,
                        "'scaled' cannot be differentiated in its first parameter 'k': it is int"),
                of("grad of a tensor-valued def", DEFS + "def g(x: real[n]) = grad(expo, x)", 6, 26,
                        "'grad' needs a def with a real result; 'expo' returns real[n]"),
                of("hvp of a tensor-valued def", DEFS + "def g(x: real[n]) = hvp(expo, x, x)", 6, 25,
                        "'hvp' needs a def with a real result"),
                of("jvp of a bool-valued def", DEFS + "def g(x: real) = jvp(sign, x, 1.0)", 6, 22,
                        "'jvp' needs a def with a real or real tensor result; 'sign' returns bool"),
                of("a def without parameters", DEFS + "def c() = 1.0\ndef g(x: real) = grad(c)", 7, 23,
                        "'c' has no parameter to differentiate in"),
                of("recursion through grad", "def f(x: real) = grad(f, x)", 1, 5, "recursion is not supported"));
    }

    static Stream<DiagnosticCase> nameAndPlaceErrors() {
        return Stream.of(
                of("a def named grad", "def grad(x: real) = x", 1, 5, "'grad' is a built-in function"),
                of("a param named hvp", "param hvp: real = 0", 1, 7, "'hvp' is a built-in function"),
                of("inside an optimizer, a def that reads data", """
                        data X: real[3]
                        def f(a: real) = a * sum(X)
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(f, 1.0) * grad(w) }
                        }
                        """, 4, 30, "inside an optimizer, 'f' cannot be differentiated: it reads 'X'"),
                of("inside an optimizer, grad of no point", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad() }
                        }
                        """, 2, 25, "inside an optimizer, grad takes one point"),
                of("inside an optimizer, grad of a value that is not a def", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w, 1.0) }
                        }
                        """, 2, 25, "grad(f, x, ...) differentiates a def f"),
                of("the adjoint of a grad taken inside a loop is not supported yet", """
                        def power(x: real) -> real {
                            for i in 0..3 { x = x * x }
                            return x
                        }
                        def descend(x: real) -> real {
                            for i in 0..2 { x = x - 0.1 * grad(power, x) }
                            return x
                        }
                        def again(x: real) = grad(descend, x)
                        """, 9, 22, "grad of 'descend': not supported yet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callErrors")
    void callErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nameAndPlaceErrors")
    void nameOrPlaceErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @Test
    void everyMisuseInOneFileIsReportedAtOnce() {
        List<Diagnostic> all = DiagnosticCase.errors(DEFS + """
                def g(x: real[n]) -> real {
                    a = grad(expo, x)
                    b = jvp(cube, x, 1.0)
                    return grad(scaled, 1, 2.0)
                }
                """);
        assertEquals(List.of("7:14", "8:22", "9:17"),
                all.stream().map(d -> d.span().line() + ":" + d.span().column()).toList(), all.toString());
    }
}
