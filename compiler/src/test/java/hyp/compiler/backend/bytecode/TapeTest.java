package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tape threaded through two loops as a carried reference value, as adjoint code uses it. */
class TapeTest {
    @Test
    void valuesPushedInOneLoopComeBackReversedInTheNext() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // t = tape(); for i < n { t = push(t, x·i) }; acc = 0; for i < n { acc = 2·acc + pop(t) }
        Class<?> c = Ir.load(ir.def("reversed", List.of("n", "x"), List.of(INT, REAL), p -> {
            Var i = b.fresh(INT, "i"), t = b.fresh(Type.TAPE, "t");
            Block push = b.block(List.of(i, t), () -> List.of(b.op(Prims.TAPE_PUSH, t, b.op(Prims.MUL, p.get(1), b.op(Prims.TO_REAL, i)))));
            Var filled = b.fresh(Type.TAPE, "t");
            b.add(new Node.For(b.integer(0), p.get(0), List.of(b.op(Prims.TAPE_CREATE)), push, List.of(filled), null));
            Var j = b.fresh(INT, "j"), t2 = b.fresh(Type.TAPE, "t"), acc = b.fresh(REAL, "acc");
            Block pop = b.block(List.of(j, t2, acc), () -> List.of(t2,
                    b.op(Prims.ADD, b.op(Prims.MUL, b.real(2), acc), b.op(Prims.TAPE_POP, REAL, t2))));
            Var emptied = b.fresh(Type.TAPE, "t"), out = b.fresh(REAL, "acc");
            b.add(new Node.For(b.integer(0), p.get(0), List.of(filled, b.real(0)), pop, List.of(emptied, out), null));
            return List.of(out);
        }));
        for (int n : new int[] {0, 1, 5, 40}) {
            double x = 0.375, acc = 0;
            for (int k = n - 1; k >= 0; k--) acc = 2 * acc + x * k;
            assertEquals(acc, (Double) Invoker.call(c, "reversed", n, x), 0.0, "n = " + n);
        }
    }
}
