package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Misuses of map(f, X, ...), and per-example defs that cannot be batched, each reported where it is. */
class MapDiagnosticsTest {
    /** Declarations and defs the cases map: lines 1 to 8; each case's own line comes after. */
    private static final String DECLS = """
            data X: real[n, 3]
            data Y: real[m, 2]
            data Z: real[n, 2]
            param W: real[2, 3] = 0.1
            def loss(x: real[3], y: real[2]) = sum((W @ x - y)^2)
            def flag(x: real[3]) = x[0] > 0
            def cut(x: real[3]) -> real { if x[0] > 0 { return x[0] } return 0.0 }
            def top(x: real[3]) = max(x)
            """;

    static Stream<DiagnosticCase> cases() {
        return Stream.of(
                of("row counts differ", DECLS + "def g() = mean(map(loss, X, Y))", 9, 29,
                        "the arguments of 'map' must have the same number of rows: 'X' has n rows, 'Y' has m"),
                of("first argument a value", DECLS + "def g() = map(X, X)", 9, 15, "'X' is not a def"),
                of("first argument a built-in", DECLS + "def g() = map(exp, X)", 9, 15, "'exp' is not a def"),
                of("no arguments", DECLS + "def g() = map()", 9, 11, "'map' needs a def and its data"),
                of("too few data tensors", DECLS + "def g() = map(loss, X)", 9, 11,
                        "'map' of 'loss' takes 'loss' and one tensor of rows for each of its 2 parameters: 3 arguments, not 2"),
                of("rows of the wrong shape", DECLS + "def g() = map(loss, Z, Z)", 9, 21,
                        "argument 2 of 'map' (rows for parameter 'x' of 'loss') must be a tensor whose rows are real[3]"),
                of("a scalar for rows", DECLS + "def g() = map(loss, 1.0, Z)", 9, 21, "must be a tensor whose rows are real[3]"),
                of("a bool-valued def", DECLS + "def g() = map(flag, X)", 9, 15,
                        "'map' needs a def with a real or real tensor result; 'flag' returns bool"),
                of("a def without parameters", DECLS + "def c() = 1.0\ndef g() = map(c)", 10, 15, "'c' has no parameter to take rows"),
                of("a branch on the row", DECLS + "def g() = sum(map(cut, X))", 9, 15,
                        "map of 'cut' cannot be batched: its control flow depends on the row"),
                of("a primitive without a batching rule", DECLS + "def g() = sum(map(top, X))", 9, 15,
                        "map of 'top' cannot be batched: 'max' of [real[3]] has no batching rule"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportedWhereTheMistakeIs(DiagnosticCase c) {
        c.assertReported();
    }
}
