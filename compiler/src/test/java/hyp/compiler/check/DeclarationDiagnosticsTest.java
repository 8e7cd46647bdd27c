package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in declarations: defs and their returns, data/param/hyper, optimizers, train and tune statements. */
class DeclarationDiagnosticsTest {
    /**
     * A param, a hyper, a loss over both and an optimizer (declared here so that the cases do not depend on the
     * standard ones), to which each train/tune case appends lines from line 7 on.
     */
    private static final String MODEL = """
            param w: real[d]
            hyper r: real
            def loss(w, r) = sum(w) * r
            optimizer descent(lr = 0.1) {
                step { w = w - lr * grad(w) }
            }
            """;

    static Stream<DiagnosticCase> defErrors() {
        return Stream.of(
                of("assigning to data inside a def", """
                        data X: real[n]
                        def f(x: real) -> real {
                            X = x
                            return x
                        }
                        """, 3, 5, "cannot assign to data 'X' inside a def; it is declared at line 1"),
                of("assigning to a param inside a def", """
                        param w: real[d]
                        def f(x: real) -> real {
                            w = x
                            return x
                        }
                        """, 3, 5, "cannot assign to param 'w' inside a def"),
                of("updating a hyper inside a def", """
                        hyper h: real
                        def f(x: real) -> real {
                            h += x
                            return x
                        }
                        """, 3, 5, "cannot assign to hyper 'h' inside a def"),
                of("a path that returns nothing", """
                        def f(x: real) -> real {
                            if x > 0 {
                                return x
                            }
                        }
                        """, 1, 5, "def 'f' can reach its end without returning a value"),
                of("returns of two types", """
                        def f(x: real) {
                            if x > 0 {
                                return x
                            } else {
                                return x > 1
                            }
                        }
                        """, 1, 5, "def 'f' returns both real and bool"),
                of("declared return type not returned", "def f(x: real) -> bool = x", 1, 19,
                        "def 'f' is declared to return bool but returns real"),
                of("direct recursion", "def f(x: real) = f(x)", 1, 5, "recursion is not supported: 'f' calls itself"),
                of("recursion through another def", """
                        def f(x: real) = g(x)
                        def g(x: real) = f(x)
                        """, 1, 5, "'f' calls itself through g"),
                of("parameter without a type or a global of its name", "def f(z) = z", 1, 7,
                        "parameter 'z' needs a type"),
                of("parameter named twice", "def f(x: real, x: real) = x", 1, 16, "parameter 'x' appears twice"),
                of("def named like a built-in", "def exp(x: real) = x", 1, 5, "'exp' is a built-in function"));
    }

    static Stream<DiagnosticCase> globalErrors() {
        return Stream.of(
                of("data declared twice", """
                        data x: real
                        data x: real
                        """, 2, 6, "data 'x' is already declared at line 1"),
                of("def declared twice", """
                        def f(x: real) = x
                        def f(y: real) = y
                        """, 2, 5, "def 'f' is already declared at line 1"),
                of("param reusing the name of a hyper", """
                        hyper a: real
                        param a: real
                        """, 2, 7, "param 'a' is already declared at line 1"),
                of("value used as a dimension", """
                        data n: real
                        data X: real[n]
                        """, 2, 14, "'n' names a value, not a dimension"),
                of("default of the wrong type", "param w: real[d] = true", 1, 20,
                        "default of param 'w' must be real[d] or a real, not bool"));
    }

    static Stream<DiagnosticCase> optimizerErrors() {
        return Stream.of(
                of("optimizer without a step", """
                        optimizer o(lr = 0.1) {
                            init { m = 0 }
                        }
                        """, 1, 11, "optimizer 'o' has no step section"),
                of("second step section", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w) }
                            step { w = w }
                        }
                        """, 3, 5, "optimizer 'o' has a second step section"),
                of("stopping rule that is not a bool", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w) }
                            until 3
                        }
                        """, 3, 11, "the until rule must be bool, not int"),
                of("return inside an optimizer", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w); return w }
                        }
                        """, 2, 34, "'return' is only allowed in a def"),
                of("assigning to a setting", """
                        optimizer o(lr = 0.1) {
                            step { lr = 0.2; w = w - lr * grad(w) }
                        }
                        """, 2, 12, "cannot assign to setting 'lr'"),
                of("assigning to the step counter", """
                        optimizer o(lr = 0.1) {
                            step { t = 2; w = w - lr * grad(w) }
                        }
                        """, 2, 12, "cannot assign to the step counter 't'"),
                of("grad of two points", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w, w) }
                        }
                        """, 2, 25, "inside an optimizer, grad takes"),
                of("step changing the type of w", """
                        optimizer o(lr = 0.1) {
                            step { w = 1.0 }
                        }
                        """, 2, 16, "'w' holds real[size(w)] but is assigned real"),
                of("setting given twice", """
                        optimizer o(lr = 0.1, lr = 0.2) {
                            step { w = w - lr * grad(w) }
                        }
                        """, 1, 23, "setting 'lr' appears twice"),
                of("optimizer declared twice", """
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w) }
                        }
                        optimizer o(lr = 0.1) {
                            step { w = w - lr * grad(w) }
                        }
                        """, 4, 11, "optimizer 'o' is already declared"));
    }

    static Stream<DiagnosticCase> trainAndTuneErrors() {
        return Stream.of(
                of("unknown optimizer", MODEL + "train w on loss by adamx(lr = 0.1)", 7, 20,
                        "unknown optimizer 'adamx'; declare it with 'optimizer adamx(...) {...}'"),
                of("unknown setting", MODEL + "train w on loss by descent(rate = 0.1)", 7, 28,
                        "optimizer 'descent' has no setting 'rate'"),
                of("unknown tune method", MODEL + "tune r on loss by descent using magic", 7, 33,
                        "unknown hypergradient method 'magic'; expected unrolled, tree, binomial, binomial:S, numerical, "
                                + "numerical:C, implicit, complex, reversible or reversible:B"),
                of("complex step as a tune method", MODEL + "tune r on loss by descent using complex", 7, 33,
                        "the complex step checks one hypergradient and does not tune"),
                of("train of a hyper", MODEL + "train r on loss by descent", 7, 7, "'r' is a hyper; train needs a param"),
                of("tune of a param", MODEL + "tune w on loss by descent", 7, 6, "'w' is a param; tune needs a hyper"),
                of("train of an undefined name", MODEL + "train q on loss by descent", 7, 7,
                        "undefined name 'q'; train needs a param"),
                of("undefined loss", MODEL + "train w on nothing by descent", 7, 12,
                        "undefined loss 'nothing'; expected a def"),
                of("loss returning a tensor", MODEL + """
                        def wide(w) = w
                        train w on wide by descent
                        """, 8, 12, "loss 'wide' returns real[d], not real"),
                of("loss with a parameter that is no global", MODEL + """
                        def scaled(w, q: real) = sum(w) * q
                        train w on scaled by descent
                        """, 8, 12, "loss 'scaled' has parameter 'q' that names no data, param or hyper"),
                of("fractional number of steps", MODEL + "train w on loss by descent for 2.5 steps", 7, 32,
                        "the number of steps must be a positive integer literal"),
                of("fractional number of rounds", MODEL + "tune r on loss by descent for 1.5 rounds", 7, 31,
                        "the number of rounds must be a positive integer literal"),
                of("setting that reads a param", MODEL + "train w on loss by descent(lr = w)", 7, 33,
                        "setting 'lr' may read hypers and the step number t, not param 'w'"),
                of("setting that reads data", MODEL + "data X: real[d]\ntrain w on loss by descent(lr = exp(X[0]))", 8, 37,
                        "setting 'lr' may read hypers and the step number t, not data 'X'"),
                of("setting that is a tensor", MODEL + "hyper s: real[3]\ntrain w on loss by descent(lr = s)", 8, 33,
                        "setting 'lr' must be real, not real[3]"),
                of("schedule shorter than the steps", MODEL + "hyper s: real[5]\n"
                        + "train w on loss by descent(lr = exp(s[t])) for 5 steps", 8, 39,
                        "index 't' runs from 1 to 5 over the 5 steps (t = 1 … 5), but axis 0 of hyper 's' has 5 entries (0 … 4)"),
                of("schedule index before its start", MODEL + "hyper s: real[9]\n"
                        + "train w on loss by descent(lr = s[t - 2]) for 5 steps", 8, 35,
                        "index 't - 2' runs from -1 to 3 over the 5 steps"),
                of("start that reads data", MODEL + "data X: real[d]\ntrain w from w * X on loss by descent", 8, 18,
                        "the start of 'w' may read 'w' (its declared value) and hypers, not data 'X'"),
                of("start of another type", MODEL + "train w from sum(w) on loss by descent", 7, 14,
                        "the start of 'w' must be real[d], not real"),
                of("start of two params", MODEL + "param v: real\ntrain w, v from r on loss by descent", 8, 17,
                        "a start ('from') is for one trained param; this statement trains 2"),
                of("schedule shorter than the default steps", MODEL + "hyper s: real[99]\n"
                        + "train w on loss by descent(lr = s[t - 1])", 8, 35,
                        "index 't - 1' runs from 0 to 99 over the 100 steps"),
                of("tune setting that reads a hyper", MODEL + "tune r on loss by descent(lr = r)", 7, 32,
                        "undefined name 'r'"),
                of("second train statement", MODEL + "train w on loss by descent\ntrain w on loss by descent(lr = 0.5)", 8, 1,
                        "a second train statement; a file has one (the first is at line 7)"),
                of("second tune statement", MODEL + "tune r on loss by descent\ntune r on loss by descent for 3 rounds", 8, 1,
                        "a second tune statement; a file has one (the first is at line 7)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defErrors")
    void defErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("globalErrors")
    void declarationErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerErrors")
    void optimizerErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainAndTuneErrors")
    void trainOrTuneErrorIsReportedWhereItIs(DiagnosticCase c) {
        c.assertReported();
    }
}
