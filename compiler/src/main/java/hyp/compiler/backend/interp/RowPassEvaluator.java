package hyp.compiler.backend.interp;

import hyp.compiler.prim.Emission;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.RowPassBody;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.ops.RowBlocks;
import java.util.List;

/**
 * A row pass ({@link Emission.RowBlockLoop}) as a kernel: the blocks of rows of {@code RowBlocks}, each row's weight
 * computed by the body's steps as {@link FusedEvaluator} computes a fused element.
 */
final class RowPassEvaluator {
    private RowPassEvaluator() {}

    static Kernel kernel(Emission.RowBlockLoop loop, List<Type> args) {
        RowPassBody pass = loop.pass();
        int dots = pass.dots();
        FusedBody body = pass.body();
        Kernel element = FusedEvaluator.element(body);
        return a -> {
            RowBlocks rb = RowBlocks.over((Tensor) a[0], dots);
            for (int k = 0; k < dots; k++) rb.dot(k, (Tensor) a[1 + k]);
            Object[] rows = new Object[a.length - 1];
            for (int b = dots; b < rows.length; b++) rows[b] = a[1 + b] instanceof Tensor t ? rb.rows(t) : a[1 + b];
            while (rb.next()) {
                for (int i = 0; i < rb.length; i++) {
                    Object[] at = new Object[rows.length];
                    for (int b = 0; b < rows.length; b++) {
                        at[b] = b < dots ? (Object) rb.dots[b][i] : rows[b] instanceof double[] x ? (Object) x[rb.from + i] : rows[b];
                    }
                    rb.residual[i] = (Double) element.apply(at);
                }
                rb.accumulate();
            }
            return rb.result();
        };
    }
}
