package hyp.compiler.prim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fused loop takes exactly the primitives that declare themselves element-wise. */
class ElementwiseFlagTest {
    private static FusedBody oneStep(Primitive p, int arity) {
        List<FusedBody.Operand> operands = Collections.nCopies(arity, new FusedBody.Arg(0));
        return new FusedBody(List.of(new FusedBody.Step(p, operands)));
    }

    @Test
    void elementwisePrimitivesAreFusedStepsAndNoOthersAre() {
        int elementwise = 0;
        for (Primitive p : Prims.ALL) {
            int arity = p == Prims.NEG || p instanceof ElementwiseUnary ? 1 : 2;
            if (p.elementwise()) {
                elementwise++;
                assertDoesNotThrow(() -> oneStep(p, arity), p.name());
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> oneStep(p, arity));
                assertTrue(e.getMessage().contains("is not element-wise"), e.getMessage());
            }
        }
        assertTrue(elementwise > 0, "no primitive declares itself element-wise");
    }

    /** The flag is true only of what works element by element: on tensors of one shape, the result has it too. */
    @Test
    void anElementwisePrimitiveKeepsItsOperandsShape() throws Exception {
        Type t = new Type.Tensor(List.of(Dim.named("n"), Dim.named("d")));
        for (Primitive p : Prims.ALL) {
            if (!p.elementwise() || p == Prims.BROADCAST) continue;
            int arity = p == Prims.NEG || p instanceof ElementwiseUnary ? 1 : 2;
            List<Type> args = Collections.nCopies(arity, t);
            assertEquals(t, p.resultType(args, null), p.name());
            assertEquals(0, p.shapeSource(args), p.name());
        }
    }
}
