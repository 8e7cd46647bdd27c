package hyp.compiler.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape-only uses (size, broadcast templates) no longer keep an element-wise value alive. */
class ShapeOnlyUsesTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            def logistic(w: real[d]) = mean(softplus(-y * (X @ w)))
            def counted(w: real[d]) = sum(exp(w)) / size(exp(w) * 2)
            """;

    private static Function def(String name) {
        return Pipeline.lower(Pipeline.check(new SourceFile("shape.hyp", SOURCE))).stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> prims(Function f) {
        List<String> out = new ArrayList<>();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Op op) out.add(op.prim().name());
        });
        return out;
    }

    @Test
    void anOptimizerStepTakingTheLogisticGradientEvaluatesNoSoftplus() {
        String source = """
                data X: real[n, d]
                data y: real[n]
                param w: real[d] = 0
                hyper rho: real[d] = -3
                def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
                def valid_loss(w) = mean(softplus(-y * (X @ w)))
                train w on train_loss by sgd(lr = 0.1) for 5 steps
                tune rho on valid_loss by sgd(lr = 0.1) for 1 rounds
                """;
        var program = Pipeline.check(new SourceFile("step.hyp", source));
        var hp = hyp.compiler.train.HypergradientProgram.compile(program);
        int steps = 0;
        for (Function f : hp.functions()) {
            if (!f.name().endsWith("_step") && !f.name().endsWith("_step_adjoint")) continue;
            steps++;
            List<String> ops = prims(f);
            // sgd's step needs only grad(w): the softplus is there only for the mean's element count
            assertFalse(ops.contains("softplus"), f.name() + ": " + ops);
            assertTrue(ops.contains("sigmoid"), f.name() + ": " + ops);
        }
        assertEquals(2, steps, "the step and its adjoint");
    }

    @Test
    void aCountTakenFromAnElementwiseChainReadsItsSource() {
        Function f = Simplify.run(def("counted"));
        List<String> ops = prims(f);
        assertEquals(1, ops.stream().filter("exp"::equals).count(), ops.toString());
        assertFalse(ops.contains("mul"), "exp(w) * 2 is used only for its size: " + ops);
        double[] w = {0.5, -1.0, 2.0};
        double expected = (Math.exp(0.5) + Math.exp(-1.0) + Math.exp(2.0)) / 3;
        Object value = Interpreter.run(f, List.of(new Tensor(w, 3)));
        assertEquals(expected, (Double) value, 1e-15);
    }
}
