package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The adjoint of {@link Conv2d} in its filters: from the output's cotangent dy (k×oh×ow) and the image x (c×h×w),
 * df (k×c×(h−oh+1)×(w−ow+1)) with ⟨conv2d(x, f), dy⟩ = ⟨f, df⟩ for every f. Bilinear in (dy, x).
 */
final class Conv2dFilterAdjoint implements Bilinear {
    @Override
    public String name() {
        return "conv2d_filter_adjoint";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        String op = name();
        Type.Tensor dy = ImageDims.ranked(op, args.get(0), 3, "a cotangent real[k, oh, ow] and an image real[c, h, w]");
        Type.Tensor x = ImageDims.ranked(op, args.get(1), 3, "a cotangent real[k, oh, ow] and an image real[c, h, w]");
        int oh = ImageDims.literal(op, dy, 1), ow = ImageDims.literal(op, dy, 2);
        int h = ImageDims.literal(op, x, 1), w = ImageDims.literal(op, x, 2);
        return Type.tensor(dy.dims().get(0), x.dims().get(0), ImageDims.positive(op, h - oh + 1, args),
                ImageDims.positive(op, w - ow + 1, args));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.IMAGES, "conv2dFilterAdjoint");
    }

    /** ⟨df(dy, x), v⟩ = ⟨dy, conv2d(x, v)⟩ = ⟨x, input adjoint(dy, v)⟩. */
    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.op(Prims.CONV2D, op.arg(1), cot), b.op(Prims.CONV2D_INPUT_ADJOINT, op.arg(0), cot));
    }
}
