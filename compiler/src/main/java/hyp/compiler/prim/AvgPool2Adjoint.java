package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The adjoint of {@link AvgPool2}: each entry divided by 4 and spread over its 2×2 window, doubling the last two
 * axes. Linear; its adjoint is average pooling.
 */
final class AvgPool2Adjoint implements LinearInFirst {
    @Override
    public String name() {
        return "avgpool2_adjoint";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        return AvgPool2.scaled(name(), args.get(0), true);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.IMAGES, "avgpool2Adjoint");
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.AVGPOOL2, cot));
        return out;
    }
}
