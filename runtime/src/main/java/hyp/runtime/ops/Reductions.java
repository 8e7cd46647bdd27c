package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Blas1;

/**
 * Reductions of a whole tensor to a scalar, on the SIMD kernels of {@code hyp.runtime.kernels}. Sums are
 * accumulated in several lanes, so they may differ from a left-to-right sum in the last bits.
 */
public final class Reductions {
    private Reductions() {}

    public static double sum(Tensor t) {
        if (ReferenceMode.ON) return ReferenceProducts.sum(t);
        return Blas1.sum(t.data, t.data.length);
    }

    public static double mean(Tensor t) {
        return sum(t) / t.data.length;
    }

    public static double max(Tensor t) {
        if (t.data.length == 0) throw new ShapeMismatchException("max of an empty tensor");
        if (ReferenceMode.ON) return ReferenceProducts.max(t);
        return Blas1.max(t.data, t.data.length);
    }

    /** Euclidean norm, rescaled when squares of large or tiny entries would overflow or underflow. */
    public static double norm(Tensor t) {
        if (ReferenceMode.ON) return ReferenceProducts.norm(t);
        return Blas1.norm2(t.data, t.data.length);
    }

    /** log Σ exp(x_i), shifted by the maximum so no term overflows. */
    public static double logsumexp(Tensor t) {
        if (t.data.length == 0) throw new ShapeMismatchException("max of an empty tensor");
        if (ReferenceMode.ON) return ReferenceProducts.logsumexp(t);
        return Blas1.logSumExp(t.data, t.data.length);
    }

    /** Number of elements, for means and their derivatives. */
    public static int size(Tensor t) {
        return t.data.length;
    }

    public static int dim(Tensor t, int axis) {
        return t.shape[axis];
    }
}
