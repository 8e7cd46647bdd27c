package hyp.runtime.complex;

import hyp.runtime.Tensor;
import hyp.runtime.ops.Images;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The complex version of {@code hyp.runtime.ops.Images}. The convolutions are bilinear, so each complex one is four
 * real ones: (a + ib) ⊛ (c + id) = (a⊛c − b⊛d) + i(a⊛d + b⊛c), never conjugating, as the complex step needs;
 * pooling is linear and acts on both parts alike.
 */
public final class ComplexImages {
    private ComplexImages() {}

    public static ComplexTensor conv2d(ComplexTensor x, ComplexTensor f) {
        return bilinear(Images::conv2d, x, f);
    }

    public static ComplexTensor conv2dInputAdjoint(ComplexTensor dy, ComplexTensor f) {
        return bilinear(Images::conv2dInputAdjoint, dy, f);
    }

    public static ComplexTensor conv2dFilterAdjoint(ComplexTensor dy, ComplexTensor x) {
        return bilinear(Images::conv2dFilterAdjoint, dy, x);
    }

    public static ComplexTensor avgpool2(ComplexTensor x) {
        return linear(Images::avgpool2, x);
    }

    public static ComplexTensor avgpool2Adjoint(ComplexTensor y) {
        return linear(Images::avgpool2Adjoint, y);
    }

    private static ComplexTensor bilinear(BinaryOperator<Tensor> op, ComplexTensor a, ComplexTensor b) {
        Tensor ar = a.re(), ai = a.im(), br = b.re(), bi = b.im();
        Tensor re = op.apply(ar, br), reIm = op.apply(ai, bi), im1 = op.apply(ar, bi), im2 = op.apply(ai, br);
        for (int k = 0; k < re.data.length; k++) {
            re.data[k] -= reIm.data[k];
            im1.data[k] += im2.data[k];
        }
        return new ComplexTensor(re.data, im1.data, re.shape);
    }

    private static ComplexTensor linear(UnaryOperator<Tensor> op, ComplexTensor x) {
        Tensor re = op.apply(x.re()), im = op.apply(x.im());
        return new ComplexTensor(re.data, im.data, re.shape);
    }
}
