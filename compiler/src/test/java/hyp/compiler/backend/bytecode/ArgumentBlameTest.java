package hyp.compiler.backend.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shape error leaving a generated static method names the argument at fault by its .hyp parameter name. */
class ArgumentBlameTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            data Z: real[n, 3]
            param w: real[d] = 0
            def loss(w) = mean(softplus(-y * (X @ w)))
            def fixed(w) = sum(Z @ [1, 2, 3]) + sum(w)
            """;
    private static final List<Function> DEFS = Pipeline.lower(Pipeline.check(new SourceFile("blame.hyp", SOURCE)));
    private static final Class<?> GENERATED = new GeneratedClassLoader(ArgumentBlameTest.class.getClassLoader())
            .define("hyp.generated.Blame", BytecodeBackend.compile("hyp.generated.Blame", DEFS));

    private static Function def(String name) {
        return DEFS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Arguments by parameter name, in the generated method's order. */
    private static Object[] args(Function f, java.util.Map<String, Object> byName) {
        List<Object> out = new ArrayList<>();
        for (String p : f.paramNames()) out.add(byName.get(p));
        return out.toArray();
    }

    private static Tensor zeros(int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return new Tensor(new double[n], shape);
    }

    @Test
    void aSymbolicDimensionTwoArgumentsDisagreeOnIsNamedWithBoth() {
        Function f = def("loss");
        Object[] a = args(f, java.util.Map.of("w", zeros(4), "X", zeros(6, 3), "y", zeros(6)));
        String m = assertThrows(ShapeMismatchException.class, () -> Invoker.call(GENERATED, "loss", a)).getMessage();
        assertTrue(m.contains("(calling loss: arguments '") && m.contains("disagree on d: ")
                && m.contains("'X'") && m.contains("'w'") && m.contains("(shape [6, 3])") && m.contains("(shape [4])"), m);
    }

    @Test
    void aLiteralSizeNamesTheArgumentAndItsDeclaredType() {
        Function f = def("fixed");
        Object[] a = args(f, java.util.Map.of("w", zeros(2), "Z", zeros(5, 4)));
        String m = assertThrows(ShapeMismatchException.class, () -> Invoker.call(GENERATED, "fixed", a)).getMessage();
        assertTrue(m.endsWith("(calling fixed: argument 'Z' has shape [5, 4] but is declared real[n, 3])"), m);
    }

    @Test
    void fittingArgumentsStillRun() {
        Function f = def("loss");
        Object[] a = args(f, java.util.Map.of("w", zeros(3), "X", zeros(6, 3), "y", zeros(6)));
        assertEquals(Math.log(2), (Double) Invoker.call(GENERATED, "loss", a), 1e-15);
    }
}
