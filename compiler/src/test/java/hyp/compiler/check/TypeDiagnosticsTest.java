package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Undefined names, wrong arities, type errors and shape errors inside expressions and statements. */
class TypeDiagnosticsTest {
    static Stream<DiagnosticCase> nameErrors() {
        return Stream.of(
                of("undefined name", "def f(x: real) = y", 1, 18, "undefined name 'y'"),
                of("undefined function", "def f(x: real) = g(x)", 1, 18, "undefined function 'g'"),
                of("wrong arity of a def", """
                        def g(a: real, b: real) = a + b
                        def f(x: real) = g(x)
                        """, 2, 18, "'g' takes 2 arguments, not 1"),
                of("wrong arity of a one-argument built-in", "def f(x: real) = exp(x, x)", 1, 18,
                        "'exp' takes 1 argument, not 2"),
                of("wrong arity of max", "def f(x: real) = max(x, x, x)", 1, 18, "'max' takes 1 or 2 arguments, not 3"),
                of("wrong arity of min", "def f(x: real) = min(x)", 1, 18, "'min' takes 2 arguments, not 1"),
                of("named argument in a call", "def f(x: real) = exp(x = 1)", 1, 22,
                        "named arguments are only for optimizer settings"),
                of("function used as a value", "def f(x: real) = sum", 1, 18, "'sum' is a function; call it with (...)"),
                of("grad outside an optimizer", "def f(x: real) = grad(x)", 1, 18,
                        "'grad' is only available inside an optimizer"),
                of("name assigned on one branch only", """
                        def f(x: real) -> real {
                            if x > 0 { y = 1 }
                            return y
                        }
                        """, 3, 12, "'y' may have no value here"),
                of("failed binding is reported once, not again at each use", """
                        def f(x: real) -> real {
                            y = foo(x)
                            return y
                        }
                        """, 2, 9, "undefined function 'foo'"));
    }

    static Stream<DiagnosticCase> typeErrors() {
        return Stream.of(
                of("bool plus real", "def f(x: real, b: bool) = b + x", 1, 27, "'+' cannot take bool and real"),
                of("if on a real", """
                        def f(x: real) -> real {
                            if x {
                                return 1
                            }
                            return 0
                        }
                        """, 2, 8, "an if condition must be bool, not real"),
                of("while on an int", """
                        def f(x: real) -> real {
                            while 1 { x = x - 1 }
                            return x
                        }
                        """, 2, 11, "a while condition must be bool, not int"),
                of("real used as an index", """
                        data v: real[n]
                        def f(x: real) = v[x]
                        """, 2, 20, "an index must be int, not real"),
                of("real loop bound", """
                        def f() -> real {
                            for i in 0.5..3 {
                            }
                            return 1
                        }
                        """, 2, 14, "a loop bound must be int, not real"),
                of("assigning a real to an int variable", """
                        def f(x: real) -> int {
                            i = 0
                            i = x
                            return i
                        }
                        """, 3, 9, "'i' holds int but is assigned real"),
                of("assigning a real to a tensor variable", """
                        def f(x: real) -> real {
                            y = zeros(3)
                            y = 1.0
                            return x
                        }
                        """, 3, 9, "'y' holds real[3] but is assigned real"),
                of("assigning to the loop variable", """
                        def f() -> real {
                            for i in 0..3 {
                                i = 2
                            }
                            return 1
                        }
                        """, 3, 9, "cannot assign to loop variable 'i'"),
                of("not of an int", "def f(b: bool) = not 3", 1, 18, "'not' takes a bool, not int"),
                of("and of an int", "def f() = 1 and true", 1, 11, "'and' takes bools, not int"),
                of("comparing an int with a bool", "def f() = 1 == true", 1, 11,
                        "'==' compares two scalars of one kind, not int and bool"),
                of("tensor of ints", "data v: int[n]", 1, 9, "tensors hold reals only: write real[...]"),
                of("size given as a real value", "def f(x: real) = zeros(x)", 1, 24,
                        "a size must be a dimension name or an integer literal"));
    }

    static Stream<DiagnosticCase> shapeErrors() {
        return Stream.of(
                of("matrix times a vector of another length", """
                        data A: real[n, d]
                        data b: real[m]
                        def f() = A @ b
                        """, 3, 11, "'@' of real[n, d] and real[m]: inner dimensions d and m differ"),
                of("adding vectors of different lengths", """
                        data a: real[n]
                        data b: real[d]
                        def f() = sum(a + b)
                        """, 3, 15, "shapes real[n] and real[d] of '+' differ"),
                of("matrix product with a scalar", "def f(x: real[n]) = x @ 2.0", 1, 21,
                        "'@' takes vectors and matrices, not real[n] and real"),
                of("tensor literal mixing a real and a vector", "def f(x: real) = [x, [x]]", 1, 18,
                        "tensor literal mixes real and real[1]"),
                of("empty tensor literal", "def f(x: real) = []", 1, 18, "an empty tensor literal has no shape"),
                of("indexing a real", "def f(x: real) = x[0]", 1, 18, "cannot index a real"),
                of("three indices into a matrix", """
                        data X: real[n, d]
                        def f() = X[0, 0, 0]
                        """, 2, 11, "unsupported indexing of real[n, d]"),
                of("constant index past the end", "def f(x: real[6]) = x[6]", 1, 21,
                        "index 6 is out of range of size 6 (indices run from 0 to 5)"),
                of("negative constant index", "def f(x: real[6]) = x[-1]", 1, 21, "index -1 is out of range"),
                of("constant index past a matrix column", "def f(X: real[3, 4]) = X[0, 4]", 1, 24,
                        "index 4 is out of range on axis 1 of size 4"),
                of("slice ending past the end", "def f(x: real[6]) = sum(x[4:10])", 1, 25,
                        "slice 4:10 ends at 10, past the axis of size 6 (the end is exclusive: at most 6)"),
                of("slice starting past the end", "def f(x: real[6]) = sum(x[7:])", 1, 25,
                        "slice 7: starts at 7, outside the axis of size 6"),
                of("reversed slice", "def f(x: real[6]) = sum(x[5:2])", 1, 25, "slice 5:2 ends before it starts (2 < 5)"),
                of("reversed slice on a named size", "def f(x: real[n]) = sum(x[3:1])", 1, 25,
                        "slice 3:1 ends before it starts"),
                of("transposing a rank-3 tensor", "def f(X: real[a, b, c]) = transpose(X)", 1, 27,
                        "transpose takes a matrix, not real[a, b, c]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nameErrors")
    void nameErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrors")
    void typeErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeErrors")
    void shapeErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }
}
