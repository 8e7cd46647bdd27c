package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.Derivatives;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adjoint code accumulates cotangents only for values that depend on the inputs it differentiates: a loop over
 * the rows of data carries the weights' cotangent, not one for the whole data matrix, and the gradient is the same
 * as with every cotangent kept.
 */
class ActivityTest {
    private static final String SOURCE = """
            def rows(w: real[3], X: real[6, 3]) -> real {
                s = 0.0
                for i in 0..6 { s = s + softplus(X[i] @ w) * X[i, 0] }
                return s
            }
            """;

    private static List<Var> carried(Function f) {
        List<Var> out = new ArrayList<>();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.For loop) out.addAll(loop.init());
        });
        return out;
    }

    @Test
    void loopsCarryNoCotangentForDataTheyOnlyRead() {
        Function f = ComplexStepDefs.def(SOURCE, "rows");
        Function inW = Derivatives.adjoint(f, new boolean[] {true, false});
        Function inBoth = Derivatives.adjoint(f, new boolean[] {true, true});
        String matrix = "real[6, 3]";
        assertFalse(carried(inW).stream().anyMatch(v -> v.type().toString().equals(matrix)), carried(inW).toString());
        assertTrue(carried(inBoth).stream().anyMatch(v -> v.type().toString().equals(matrix)), "X's cotangent is wanted here");
        Tensor w = new Tensor(new double[] {0.3, -0.7, 1.1}, 3);
        Tensor x = Tensor.zeros(6, 3);
        for (int i = 0; i < x.size(); i++) x.data[i] = Math.sin(1.7 * i);
        Object[] a = (Object[]) Interpreter.run(inW, List.of(w, x, 1.0));
        Object[] b = (Object[]) Interpreter.run(inBoth, List.of(w, x, 1.0));
        assertEquals(b[1], a[1], "the same gradient in w");
    }
}
