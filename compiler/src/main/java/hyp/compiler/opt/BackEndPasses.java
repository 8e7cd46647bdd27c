package hyp.compiler.opt;

import hyp.compiler.ir.Function;
import java.util.List;

/**
 * The passes back ends run last, on finished code (after every derivative and complex-step transformation):
 * element-wise chains fused into single loops ({@link ElementwiseFusion}), then products over the same matrix on
 * either side of such a chain fused into one pass over its rows ({@link RowPassFusion}).
 */
public final class BackEndPasses {
    /** {@code -Dhyp.rowPasses=false} leaves the products unfused, to measure what row-pass fusion gains. */
    private static final boolean ROW_PASSES = !"false".equals(System.getProperty("hyp.rowPasses"));

    private BackEndPasses() {}

    public static Function run(Function f) {
        Function fused = ElementwiseFusion.run(f);
        return ROW_PASSES ? RowPassFusion.run(fused) : fused;
    }

    public static List<Function> run(List<Function> functions) {
        return functions.stream().map(BackEndPasses::run).toList();
    }
}
