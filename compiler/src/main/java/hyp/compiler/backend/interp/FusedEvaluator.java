package hyp.compiler.backend.interp;

import hyp.compiler.prim.Emission;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.ops.FusedLoops;
import java.util.Collections;
import java.util.List;

/**
 * A fused element-wise op ({@link Emission.ElementLoop}) as a kernel: the shape checks of the unfused ops, then the
 * body's steps element by element, each by the kernel of its primitive's scalar emission, so that every element
 * is computed by exactly the operations the generated loops use.
 */
final class FusedEvaluator {
    private FusedEvaluator() {}

    static Kernel kernel(Emission.ElementLoop loop, List<Type> args) {
        FusedBody body = loop.body();
        List<FusedBody.ShapeCheck> checks = body.shapeChecks(args);
        int source = body.resultShapeSource(args);
        int count = body.steps().size();
        Kernel[] steps = new Kernel[count];
        for (int k = 0; k < count; k++) steps[k] = scalar(body.scalarEmission(k), body.steps().get(k).operands().size());
        return a -> {
            for (FusedBody.ShapeCheck c : checks) FusedLoops.sameShape(c.op(), (Tensor) a[c.first()], (Tensor) a[c.second()]);
            Tensor out = FusedLoops.output((Tensor) a[source]);
            Object[] temps = new Object[count];
            for (int i = 0; i < out.data.length; i++) {
                for (int k = 0; k < count; k++) {
                    List<FusedBody.Operand> operands = body.steps().get(k).operands();
                    Object[] in = new Object[operands.size()];
                    for (int j = 0; j < in.length; j++) in[j] = value(operands.get(j), a, temps, i);
                    temps[k] = steps[k] == null ? in[0] : steps[k].apply(in); // a broadcast is its scalar
                }
                out.data[i] = (Double) temps[count - 1];
            }
            return out;
        };
    }

    /** The body on one element: a kernel from the arguments' values at that element (doubles and reals) to a double. */
    static Kernel element(FusedBody body) {
        int count = body.steps().size();
        Kernel[] steps = new Kernel[count];
        for (int k = 0; k < count; k++) steps[k] = scalar(body.scalarEmission(k), body.steps().get(k).operands().size());
        return a -> {
            Object[] temps = new Object[count];
            for (int k = 0; k < count; k++) {
                List<FusedBody.Operand> operands = body.steps().get(k).operands();
                Object[] in = new Object[operands.size()];
                for (int j = 0; j < in.length; j++) in[j] = value(operands.get(j), a, temps, 0);
                temps[k] = steps[k] == null ? in[0] : steps[k].apply(in);
            }
            return temps[count - 1];
        };
    }

    private static Object value(FusedBody.Operand o, Object[] args, Object[] temps, int i) {
        if (o instanceof FusedBody.Temp t) return temps[t.step()];
        if (o instanceof FusedBody.Literal l) return l.value();
        Object v = args[((FusedBody.Arg) o).index()];
        return v instanceof Tensor t ? (Object) t.data[i] : v;
    }

    /** The kernel of one step on reals; null for a broadcast, which just passes its scalar on. */
    private static Kernel scalar(Emission e, int arity) {
        Type real = Type.REAL;
        if (e == null) return null;
        if (e instanceof Emission.Infix i) return ScalarOps.infix(i.symbol(), real);
        if (e instanceof Emission.Prefix p) return ScalarOps.prefix(p.symbol(), real);
        if (e instanceof Emission.Call c) return RuntimeCalls.call(c, Collections.nCopies(arity, real), real);
        throw new IllegalStateException("a fused step cannot be computed by " + e);
    }
}
