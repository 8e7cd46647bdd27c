package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM's 64 KiB limit on one method's code. */
class LimitsTest {
    /** chain(x) = x·c_1 + c_2, repeated {@code steps} times; each step is its own Var and slot. */
    private static Function chain(int steps) {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        return ir.def("chain", List.of("x"), List.of(REAL), p -> {
            Var v = p.get(0);
            for (int i = 0; i < steps; i++) v = b.op(Prims.ADD, b.op(Prims.MUL, v, b.real(0.5)), b.real(i));
            return List.of(v);
        });
    }

    @Test
    void aLongButLegalFunctionRunsCorrectly() {
        int steps = 800;
        Class<?> c = Ir.load(chain(steps));
        double x = 3.0;
        for (int i = 0; i < steps; i++) x = x * 0.5 + i;
        assertEquals(x, (Double) Invoker.call(c, "chain", 3.0), 0.0);
    }

    @Test
    void aTooLargeFunctionIsReportedByName() {
        CodeTooLargeException e = assertThrows(CodeTooLargeException.class,
                () -> BytecodeBackend.compile("hyp.generated.Big", List.of(chain(5000))));
        assertEquals("chain", e.function());
        assertTrue(e.getMessage().matches("function chain is too large for one JVM method \\(\\d+ bytes of bytecode; at most 65535\\)"),
                e.getMessage());
    }
}
