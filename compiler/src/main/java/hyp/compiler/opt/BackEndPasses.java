package hyp.compiler.opt;

import hyp.compiler.ir.Function;
import java.util.List;

/**
 * The passes back ends run last, on finished code (after every derivative and complex-step transformation):
 * element-wise chains fused into single loops ({@link ElementwiseFusion}), then products over the same matrix on
 * either side of such a chain fused into one pass over its rows ({@link RowPassFusion}).
 */
public final class BackEndPasses {
    private BackEndPasses() {}

    public static Function run(Function f) {
        return RowPassFusion.run(ElementwiseFusion.run(f));
    }

    public static List<Function> run(List<Function> functions) {
        return functions.stream().map(BackEndPasses::run).toList();
    }
}
