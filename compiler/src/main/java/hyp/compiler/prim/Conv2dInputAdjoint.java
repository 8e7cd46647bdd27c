package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The adjoint of {@link Conv2d} in its image: from the output's cotangent dy (k×oh×ow) and the filters f (k×c×r×s),
 * dx (c×(oh+r−1)×(ow+s−1)) with ⟨conv2d(x, f), dy⟩ = ⟨x, dx⟩ for every x. Bilinear in (dy, f).
 */
final class Conv2dInputAdjoint implements Bilinear {
    @Override
    public String name() {
        return "conv2d_input_adjoint";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        String op = name();
        Type.Tensor dy = ImageDims.images(op, args.get(0), "a cotangent real[k, oh, ow] and filters real[k, c, r, s]");
        Type.Tensor f = ImageDims.ranked(op, args.get(1), 4, "a cotangent real[k, oh, ow] and filters real[k, c, r, s]");
        int o = ImageDims.offset(dy);
        ImageDims.same(op, "filter counts", dy.dims().get(o), f.dims().get(0));
        int oh = ImageDims.literal(op, dy, o + 1), ow = ImageDims.literal(op, dy, o + 2);
        int r = ImageDims.literal(op, f, 2), s = ImageDims.literal(op, f, 3);
        return ImageDims.result(dy, f.dims().get(1), ImageDims.positive(op, oh + r - 1, args),
                ImageDims.positive(op, ow + s - 1, args));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.IMAGES, "conv2dInputAdjoint");
    }

    /** ⟨dx(dy, f), u⟩ = ⟨dy, conv2d(u, f)⟩ = ⟨f, filter adjoint(dy, u)⟩. */
    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.op(Prims.CONV2D, cot, op.arg(1)), b.op(Prims.CONV2D_FILTER_ADJOINT, op.arg(0), cot));
    }
}
