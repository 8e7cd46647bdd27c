package hyp.compiler.opt;

import hyp.compiler.ir.Function;

/** The clean-up run after lowering and after every derivative transformation. */
public final class Simplify {
    private Simplify() {}

    public static Function run(Function f) {
        return DeadCode.run(CommonSubexpressions.run(ShapeOnlyUses.run(f)));
    }
}
