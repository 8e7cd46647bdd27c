package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code avgpool2(x)}: the mean of each 2×2 window (stride 2) over the last two axes of a matrix or of a stack of
 * them (c×h×w), halving both; they must be even literals. Linear: its adjoint is {@link AvgPool2Adjoint}, whose
 * adjoint is this one again.
 */
final class AvgPool2 implements LinearInFirst {
    @Override
    public String name() {
        return "avgpool2";
    }

    @Override
    public String surfaceName() {
        return name();
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        return scaled(name(), args.get(0), false);
    }

    /** x's type with its last two axes halved ({@code doubled} false) or doubled. */
    static Type scaled(String op, Type t, boolean doubled) throws ShapeError {
        if (!(t instanceof Type.Tensor x) || x.rank() < 2 || x.rank() > 4) {
            throw new ShapeError(op + " takes a matrix real[h, w], a stack real[c, h, w] or a batch of stacks, not " + t);
        }
        List<Dim> dims = new ArrayList<>(x.dims());
        for (int axis = x.rank() - 2; axis < x.rank(); axis++) {
            int size = ImageDims.literal(op, x, axis);
            if (!doubled && size % 2 != 0) {
                throw new ShapeError(op + " pools 2×2 windows, so heights and widths must be even; " + t + " has " + size);
            }
            dims.set(axis, Dim.of(doubled ? 2 * size : size / 2));
        }
        return new Type.Tensor(dims);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.IMAGES, "avgpool2");
    }

    /** Pooling acts on the last two axes only, so a batch of stacks pools as it is. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(this, args.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(Prims.AVGPOOL2_ADJOINT, cot));
        return out;
    }
}
