package hyp.compiler.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.java.InMemoryJavac;
import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import hyp.runtime.ops.LoopTrips;
import hyp.runtime.ops.LoopTripsExceeded;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run-time guards of generated code are the same in the three back ends (bytecode, Java source, interpreter):
 * a shape error names the tensor argument at fault by its .hyp name and declared type (both arguments and their
 * shapes when they disagree on a symbolic size), fitting arguments still run, and a while loop whose condition never
 * turns false stops at the trip limit with the loop's place in the file.
 */
class BackEndGuardsTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            data Z: real[n, 3]
            param w: real[d] = 0
            def loss(w) = mean(softplus(-y * (X @ w)))
            def fixed(w) = sum(Z @ [1, 2, 3]) + sum(w)
            def spin(x: real) -> real {
                while x > 0 { x = x + 1 }
                return x
            }
            """;
    private static final List<Function> DEFS = Pipeline.lower(Pipeline.check(new SourceFile("guards.hyp", SOURCE)));
    private static final String NAME = "hyp.generated.Guards";
    private static final Class<?> BYTECODE = new GeneratedClassLoader(BackEndGuardsTest.class.getClassLoader())
            .define(NAME, BytecodeBackend.compile(NAME, DEFS));
    private static final Class<?> JAVAC = InMemoryJavac.compile(NAME, JavaSourceBackend.generate(NAME, DEFS).source());

    /** Runs def on the arguments (by parameter name) in one back end. */
    private static Object run(String backEnd, String def, Map<String, Object> byName) {
        Function f = DEFS.stream().filter(g -> g.name().equals(def)).findFirst().orElseThrow();
        List<Object> args = new ArrayList<>();
        for (String p : f.paramNames()) args.add(byName.get(p));
        return switch (backEnd) {
            case "bytecode" -> Invoker.call(BYTECODE, def, args.toArray());
            case "java" -> Invoker.call(JAVAC, def, args.toArray());
            default -> Interpreter.run(f, args);
        };
    }

    private static Tensor zeros(int... shape) {
        return new Tensor(new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)], shape);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytecode", "java", "interpreter"})
    void aShapeErrorNamesTheArgumentAtFault(String backEnd) {
        String disagree = assertThrows(ShapeMismatchException.class,
                () -> run(backEnd, "loss", Map.of("w", zeros(4), "X", zeros(6, 3), "y", zeros(6)))).getMessage();
        assertTrue(disagree.contains("(calling loss: arguments '") && disagree.contains("disagree on d: ")
                && disagree.contains("'X'") && disagree.contains("'w'") && disagree.contains("(shape [6, 3])")
                && disagree.contains("(shape [4])"), backEnd + ": " + disagree);
        String literal = assertThrows(ShapeMismatchException.class,
                () -> run(backEnd, "fixed", Map.of("w", zeros(2), "Z", zeros(5, 4)))).getMessage();
        assertTrue(literal.endsWith("(calling fixed: argument 'Z' has shape [5, 4] but is declared real[n, 3])"),
                backEnd + ": " + literal);
        assertEquals(Math.log(2), (Double) run(backEnd, "loss", Map.of("w", zeros(3), "X", zeros(6, 3), "y", zeros(6))), 1e-15);
    }

    @Test
    void theThreeBackEndsWordAShapeErrorAlike() {
        Map<String, Object> bad = Map.of("w", zeros(4), "X", zeros(6, 3), "y", zeros(6));
        String bytecode = assertThrows(ShapeMismatchException.class, () -> run("bytecode", "loss", bad)).getMessage();
        for (String other : List.of("java", "interpreter")) {
            assertEquals(bytecode, assertThrows(ShapeMismatchException.class, () -> run(other, "loss", bad)).getMessage(), other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytecode", "java", "interpreter"})
    void aWhileLoopThatNeverEndsStopsAtTheTripLimitWithItsPlace(String backEnd) {
        long before = LoopTrips.limit();
        LoopTrips.setLimit(1000);
        try {
            String m = assertThrows(LoopTripsExceeded.class, () -> run(backEnd, "spin", Map.of("x", 1.0))).getMessage();
            assertTrue(m.startsWith("guards.hyp:8:5: this while loop ran more than 1000 trips"), backEnd + ": " + m);
            assertEquals(-1.0, run(backEnd, "spin", Map.of("x", -1.0)));
        } finally {
            LoopTrips.setLimit(before);
        }
    }
}
