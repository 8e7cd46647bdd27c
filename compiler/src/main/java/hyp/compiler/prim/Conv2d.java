package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * {@code conv2d(x, f)}: the valid, stride-1 convolution (cross-correlation) of an image x (c×h×w) with a filter
 * bank f (k×c×r×s), giving k×(h−r+1)×(w−s+1). Bilinear: its adjoints are {@link Conv2dInputAdjoint} and
 * {@link Conv2dFilterAdjoint}, whose rules refer back to this one, so derivatives of any order stay among the three.
 */
final class Conv2d implements Bilinear {
    @Override
    public String name() {
        return "conv2d";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        Type.Tensor x = ImageDims.images("conv2d", args.get(0), "an image real[c, h, w] and filters real[k, c, r, s]");
        Type.Tensor f = ImageDims.ranked("conv2d", args.get(1), 4, "an image real[c, h, w] and filters real[k, c, r, s]");
        int o = ImageDims.offset(x);
        ImageDims.same("conv2d", "image channels and filter channels", x.dims().get(o), f.dims().get(1));
        int h = ImageDims.literal("conv2d", x, o + 1), w = ImageDims.literal("conv2d", x, o + 2);
        int r = ImageDims.literal("conv2d", f, 2), s = ImageDims.literal("conv2d", f, 3);
        return ImageDims.result(x, f.dims().get(0), ImageDims.positive("conv2d", h - r + 1, args),
                ImageDims.positive("conv2d", w - s + 1, args));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.IMAGES, "conv2d");
    }

    /**
     * A batch of images against shared filters is one batched convolution (im2col and the tiled gemm per image);
     * filters that differ per row have no rule.
     */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return batched.get(1) ? null : b.op(this, args.get(0), args.get(1));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        return Arrays.asList(b.op(Prims.CONV2D_INPUT_ADJOINT, cot, op.arg(1)), b.op(Prims.CONV2D_FILTER_ADJOINT, cot, op.arg(0)));
    }
}
