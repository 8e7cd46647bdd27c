package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method and parameter names, name clashes, and the .hyp lines in stack traces. */
class NamesTest {
    @Test
    void javaKeywordsGetASuffixAndOtherNamesStay() {
        assertEquals("new_", JavaNames.legal("new"));
        assertEquals("int_", JavaNames.legal("int"));
        assertEquals("true_", JavaNames.legal("true"));
        assertEquals("mod1", JavaNames.legal("mod1"));
        assertEquals("new_", JavaNames.legal("new_"), "already legal; a clash with 'new' is reported by the back end");
        assertThrows(IllegalArgumentException.class, () -> JavaNames.legal("a.b"));
        assertThrows(IllegalArgumentException.class, () -> JavaNames.legal("1x"));
    }

    @Test
    void keywordNamedFunctionKeepsItsHypParameterNames() throws Exception {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // def new(int: int, class: real) = class * real(int)
        Class<?> c = Ir.load(ir.def("new", List.of("int", "class"), List.of(INT, REAL), p ->
                List.of(b.op(Prims.MUL, p.get(1), b.op(Prims.TO_REAL, p.get(0))))));
        Method m = c.getMethod("new_", int.class, double.class);
        assertArrayEquals(new String[] {"int", "class"}, Arrays.stream(m.getParameters()).map(Parameter::getName).toArray());
        assertTrue(Arrays.stream(m.getParameters()).allMatch(Parameter::isNamePresent));
        assertEquals(7.5, Invoker.call(c, "new", 3, 2.5));
        assertEquals(Invoker.find(c, "new"), m);
    }

    @Test
    void functionsThatWouldShareAMethodAreRejected() {
        Ir ir = new Ir();
        Function a = ir.def("new", List.of(), List.of(), p -> List.of(ir.b.real(1)));
        Function b = ir.def("new_", List.of(), List.of(), p -> List.of(ir.b.real(2)));
        Function again = ir.def("new", List.of(), List.of(), p -> List.of(ir.b.real(3)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BytecodeBackend.compile("hyp.generated.T", List.of(a, b)));
        assertTrue(e.getMessage().contains("new and new_"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BytecodeBackend.compile("hyp.generated.T", List.of(a, again)));
    }

    @Test
    void parameterNamesMustMatchParameters() {
        Ir ir = new Ir();
        Function f = ir.def("f", List.of("x"), List.of(REAL), p -> p);
        Function broken = new Function("f", List.of("x", "y"), f.body());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BytecodeBackend.compile("hyp.generated.T", List.of(broken)));
        assertTrue(e.getMessage().contains("parameter names"), e.getMessage());
    }

    @Test
    void stackTracesNameTheHypFileAndLine() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        SourceFile file = new SourceFile("models/pick.hyp", "def pick(x, i) = x[i]\n");
        Function f = ir.def("pick", List.of("x", "i"), List.of(Ir.VECTOR, INT), p -> {
            b.at(Span.of(file, 7, 5, 4));
            return List.of(b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET1, null), p.get(0), p.get(1)));
        });
        Class<?> c = Ir.load(f);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Invoker.call(c, "pick", new double[] {1, 2}, 5));
        StackTraceElement frame = Arrays.stream(e.getStackTrace())
                .filter(s -> s.getClassName().equals(c.getName())).findFirst().orElseThrow();
        assertEquals("pick.hyp", frame.getFileName());
        assertEquals(7, frame.getLineNumber());
    }
}
