package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.BOOL;
import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import hyp.runtime.cli.EntryPoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional main of a generated class, which binds name=value arguments to the .hyp parameter names. */
class EntryPointTest {
    private static Class<?> generated;

    @BeforeAll
    static void compile() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        generated = Ir.load(true,
                ControlFlowTest.mod1(ir),
                // def new(int: int, flag: bool, v: real[n]) = (if flag { sum(v) } else { 0 }) + real(int), int * 2
                ir.def("new", List.of("int", "flag", "v"), List.of(INT, BOOL, Ir.VECTOR), p -> {
                    Block then = b.block(List.of(), () -> List.of(b.op(Prims.SUM, p.get(2))));
                    Block orElse = b.block(List.of(), () -> List.of(b.real(0)));
                    Var picked = b.fresh(REAL, "s");
                    b.add(new Node.If(p.get(1), then, orElse, List.of(picked), null));
                    return List.of(b.op(Prims.ADD, picked, b.op(Prims.TO_REAL, p.get(0))), b.op(Prims.MUL, p.get(0), b.integer(2)));
                }),
                ir.def("twice", List.of("m"), List.of(Ir.MATRIX), p -> List.of(b.op(Prims.MUL, p.get(0), b.real(2)))),
                ir.def("entry", List.of("v", "i"), List.of(Ir.VECTOR, INT), p ->
                        List.of(b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET1, null), p.get(0), p.get(1)))));
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = EntryPoint.execute(generated, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatedMainPrintsTheResult() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            generated.getMethod("main", String[].class).invoke(null, (Object) new String[] {"mod1", "x=5.25"});
        } finally {
            System.setOut(saved);
        }
        assertEquals("0.25" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
        double y = -2.7;
        while (y < 0 || y >= 1) y = y < 0 ? y + 1 : y - 1;
        assertEquals(new Run(0, Double.toString(y) + System.lineSeparator(), ""), run("mod1", "x=-2.7"));
    }

    @Test
    void bindsByNameWithKeywordsBoolsTensorsAndSeveralResults() {
        String nl = System.lineSeparator();
        assertEquals(new Run(0, (1.0 + 2 + 3.5 + 4) + nl + 8 + nl, ""), run("new", "v=[1, 2, 3.5]", "flag=true", "int=4"));
        assertEquals(new Run(0, 4.0 + nl + 8 + nl, ""), run("new", "int=4", "flag=false", "v=[1]"));
        assertEquals(new Run(0, "[[2.0, -4.0], [6.0, 8.0]]" + nl, ""), run("twice", "m=[[1,-2],[3,4]]"));
    }

    @Test
    void badInputExitsWithStatusTwoAndOneLine() {
        assertBad("usage", new String[0]);
        assertBad("unknown function 'nope'", "nope");
        assertBad("mod1(x: real)", "nope");
        assertBad("missing x=value", "mod1");
        assertBad("no parameter 'y'", "mod1", "y=1");
        assertBad("not name=value", "mod1", "1.5");
        assertBad("given twice", "mod1", "x=1", "x=2");
        assertBad("expected a real", "mod1", "x=abc");
        assertBad("expected an int", "new", "int=1.5", "flag=true", "v=[1]");
        assertBad("expected true or false", "new", "int=1", "flag=yes", "v=[1]");
        assertBad("ragged", "twice", "m=[[1,2],[3]]");
    }

    private static void assertBad(String part, String... args) {
        Run r = run(args);
        assertEquals(EntryPoint.BAD_INPUT, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains(part), () -> "stderr for " + List.of(args) + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aFailingFunctionExitsWithStatusOne() {
        Run r = run("entry", "v=[1, 2]", "i=2");
        assertEquals(EntryPoint.FAILED, r.status());
        assertTrue(r.err().contains("IndexOutOfBoundsException"), r.err());
        assertEquals(new Run(0, "2.0" + System.lineSeparator(), ""), run("entry", "v=[1, 2]", "i=1"));
    }

    @Test
    void mainIsOnlyGeneratedWhenAskedFor() {
        Class<?> plain = Ir.load(ControlFlowTest.mod1(new Ir()));
        assertThrows(NoSuchMethodException.class, () -> plain.getMethod("main", String[].class));
    }
}
