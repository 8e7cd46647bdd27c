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
        Type.Tensor dy = ImageDims.images(op, args.get(0), "a cotangent real[k, oh, ow] and an image real[c, h, w]");
        Type.Tensor x = ImageDims.images(op, args.get(1), "a cotangent real[k, oh, ow] and an image real[c, h, w]");
        int o = ImageDims.offset(dy);
        if (ImageDims.offset(x) != o || (o == 1 && !dy.dims().get(0).equals(x.dims().get(0)))) {
            throw new ShapeError(op + " takes one cotangent and one image, or batches of as many, not " + dy + " and " + x);
        }
        int oh = ImageDims.literal(op, dy, o + 1), ow = ImageDims.literal(op, dy, o + 2);
        int h = ImageDims.literal(op, x, o + 1), w = ImageDims.literal(op, x, o + 2);
        return Type.tensor(dy.dims().get(o), x.dims().get(o), ImageDims.positive(op, h - oh + 1, args),
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
