package hyp.compiler.build;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.opt.Simplify;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code NAME_grad} methods a model jar adds for its defs: for a def with a real result and at least one real
 * or real-tensor parameter, a function of the same parameters returning the value and then the gradient with
 * respect to each real or tensor parameter, in parameter order. It is the def's adjoint code with the result's
 * cotangent fixed at 1, so callers (and {@code java -jar model.jar f_grad x=...}) pass only the def's own inputs.
 */
public final class GradientMethods {
    /** What a gradient method's name adds to its def's. */
    public static final String SUFFIX = "_grad";

    private GradientMethods() {}

    /** Whether {@code f} gets a gradient method. */
    public static boolean hasGradient(Function f) {
        return f.body().results().size() == 1 && f.resultType().isReal()
                && f.params().stream().anyMatch(p -> p.type().differentiable());
    }

    /**
     * The gradient methods of {@code defs}, in their order.
     *
     * @throws CompileException at a def whose name a gradient method would take (a def {@code f_grad} beside a
     *     differentiable def {@code f}), since the jar cannot hold both
     */
    public static List<Function> of(CheckedProgram program, List<Function> defs) {
        Map<String, Function> byName = new HashMap<>();
        for (Function f : defs) byName.put(f.name(), f);
        List<Function> out = new ArrayList<>();
        for (Function f : defs) {
            if (!hasGradient(f)) continue;
            String name = f.name() + SUFFIX;
            if (byName.containsKey(name)) {
                throw CompileException.at(program.def(name).decl().name().span(), "def '" + name
                        + "' has the name of the gradient method compiled for def '" + f.name() + "'; rename it");
            }
            out.add(gradient(f, name));
        }
        return out;
    }

    /** {@code (x...) -> (y, xbar...)}: the adjoint inlined with its seed ybar = 1. */
    static Function gradient(Function f, String name) {
        Function adjoint = Derivatives.adjoint(f);
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        List<Var> params = new ArrayList<>();
        for (Var p : f.params()) params.add(b.fresh(p.type(), p.hint()));
        Block body = b.block(params, () -> {
            List<Var> args = new ArrayList<>(params);
            args.add(b.real(1.0));
            return Inliner.inline(b, adjoint, args);
        });
        return Simplify.run(new Function(name, f.paramNames(), body));
    }
}
