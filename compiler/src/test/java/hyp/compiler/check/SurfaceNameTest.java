package hyp.compiler.check;

import static hyp.compiler.check.DiagnosticCase.of;

import hyp.compiler.prim.Prims;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-argument built-ins come from the primitives' surface names: each is known to the checker as one. */
class SurfaceNameTest {
    static Stream<DiagnosticCase> surfaceNames() {
        return Prims.BY_SURFACE_NAME.keySet().stream().sorted()
                .map(name -> of(name + " called with two arguments", "def f(x: real) = " + name + "(x, x)", 1, 18,
                        "'" + name + "' takes 1 argument, not 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaceNames")
    void everySurfaceNameIsAOneArgumentBuiltin(DiagnosticCase c) {
        c.assertReported();
    }
}
