package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Conv2d;
import hyp.runtime.kernels.ConvShape;
import hyp.runtime.kernels.Pooling;
import java.util.Arrays;

/**
 * Operations on one image of channels × height × width: the valid, stride-1 convolution (cross-correlation, as in
 * neural networks) with its two adjoints, and 2×2 average pooling with its adjoint, on the SIMD kernels of
 * {@code hyp.runtime.kernels}. Each returns a new tensor. The convolution is bilinear, so its adjoints are
 * convolutions again: every derivative of these operations is one of them.
 */
public final class Images {
    private Images() {}

    /**
     * y[k, i, j] = Σ_{c,u,v} f[k, c, u, v] · x[c, i + u, j + v] for x (c×h×w) and filters f (k×c×r×s); for a batch
     * of images x (b×c×h×w) the same per image, giving b×k×oh×ow.
     */
    public static Tensor conv2d(Tensor x, Tensor f) {
        boolean batch = imageRank("conv2d", x);
        rank("conv2d", f, 4);
        int o = batch ? 1 : 0;
        channels("conv2d", x.shape[o], f.shape[1]);
        ConvShape s = shape("conv2d", images(x, batch), x.shape[o], x.shape[o + 1], x.shape[o + 2], f.shape[0],
                f.shape[2], f.shape[3]);
        double[] y = new double[s.outputSize()];
        Conv2d.forward(s, x.data, f.data, y);
        return batch ? new Tensor(y, s.batch(), s.filters(), s.outH(), s.outW()) : new Tensor(y, s.filters(), s.outH(), s.outW());
    }

    /**
     * The adjoint of {@link #conv2d} in its input: dx (c × (oh+r−1) × (ow+s−1)) from the output's cotangent dy
     * (k×oh×ow) and the filters f (k×c×r×s); per image for a batch dy (b×k×oh×ow). Bilinear in (dy, f).
     */
    public static Tensor conv2dInputAdjoint(Tensor dy, Tensor f) {
        boolean batch = imageRank("conv2d_input_adjoint", dy);
        rank("conv2d_input_adjoint", f, 4);
        int o = batch ? 1 : 0;
        if (dy.shape[o] != f.shape[0]) throw mismatch("conv2d_input_adjoint", "filter counts", dy.shape[o], f.shape[0]);
        int c = f.shape[1], r = f.shape[2], q = f.shape[3];
        ConvShape s = shape("conv2d_input_adjoint", images(dy, batch), c, dy.shape[o + 1] + r - 1, dy.shape[o + 2] + q - 1,
                f.shape[0], r, q);
        double[] dx = new double[s.inputSize()];
        Conv2d.adjointInput(s, dy.data, f.data, dx);
        return batch ? new Tensor(dx, s.batch(), c, s.height(), s.width()) : new Tensor(dx, c, s.height(), s.width());
    }

    /**
     * The adjoint of {@link #conv2d} in its filters: df (k × c × (h−oh+1) × (w−ow+1)) from the output's cotangent
     * dy (k×oh×ow) and the input x (c×h×w); for a batch (dy b×k×oh×ow, x b×c×h×w) summed over the images in order.
     * Bilinear in (dy, x).
     */
    public static Tensor conv2dFilterAdjoint(Tensor dy, Tensor x) {
        boolean batch = imageRank("conv2d_filter_adjoint", dy);
        rank("conv2d_filter_adjoint", x, batch ? 4 : 3);
        int o = batch ? 1 : 0;
        if (batch && dy.shape[0] != x.shape[0]) throw mismatch("conv2d_filter_adjoint", "batch sizes", dy.shape[0], x.shape[0]);
        int c = x.shape[o], h = x.shape[o + 1], w = x.shape[o + 2], k = dy.shape[o];
        ConvShape s = shape("conv2d_filter_adjoint", images(x, batch), c, h, w, k, h - dy.shape[o + 1] + 1,
                w - dy.shape[o + 2] + 1);
        double[] df = new double[s.filterSize()];
        Conv2d.adjointFilter(s, dy.data, x.data, df);
        return new Tensor(df, k, c, s.kernelH(), s.kernelW());
    }

    /** Whether an image argument is a batch (rank 4) rather than one image (rank 3). */
    private static boolean imageRank(String op, Tensor x) {
        if (x.rank() == 4) return true;
        rank(op, x, 3);
        return false;
    }

    private static int images(Tensor x, boolean batch) {
        return batch ? x.shape[0] : 1;
    }

    /** The mean of each 2×2 window of the last two axes (both even) of a matrix or a stack of them. */
    public static Tensor avgpool2(Tensor x) {
        int planes = planes("avgpool2", x), h = x.shape[x.rank() - 2], w = x.shape[x.rank() - 1];
        if (h % 2 != 0 || w % 2 != 0) {
            throw new ShapeMismatchException("avgpool2: height and width must be even, got shape " + Arrays.toString(x.shape));
        }
        int[] shape = x.shape.clone();
        shape[shape.length - 2] = h / 2;
        shape[shape.length - 1] = w / 2;
        double[] y = new double[x.data.length / 4];
        Pooling.avgPool2x2(x.data, planes, h, w, y);
        return new Tensor(y, shape);
    }

    /** The adjoint of {@link #avgpool2}: each entry spread, divided by 4, over its 2×2 window. */
    public static Tensor avgpool2Adjoint(Tensor y) {
        int planes = planes("avgpool2_adjoint", y);
        int[] shape = y.shape.clone();
        shape[shape.length - 2] *= 2;
        shape[shape.length - 1] *= 2;
        double[] dx = new double[y.data.length * 4];
        Pooling.avgPool2x2Adjoint(y.data, planes, shape[shape.length - 2], shape[shape.length - 1], dx);
        return new Tensor(dx, shape);
    }

    private static int planes(String op, Tensor x) {
        if (x.rank() < 2) throw new ShapeMismatchException(op + ": expected a matrix or a stack of matrices, got shape "
                + Arrays.toString(x.shape));
        int planes = 1;
        for (int a = 0; a < x.rank() - 2; a++) planes *= x.shape[a];
        return planes;
    }

    private static ConvShape shape(String op, int batch, int c, int h, int w, int k, int r, int s) {
        if (batch < 0 || r < 1 || s < 1 || h < r || w < s || c < 1 || k < 1) {
            throw new ShapeMismatchException(op + ": " + k + " filters of " + c + "×" + r + "×" + s
                    + " do not fit an image of " + c + "×" + h + "×" + w);
        }
        return new ConvShape(batch, c, h, w, k, r, s);
    }

    private static void rank(String op, Tensor a, int rank) {
        Checks.rank(op, a, rank);
    }

    private static void channels(String op, int image, int filter) {
        if (image != filter) throw mismatch(op, "channels", image, filter);
    }

    private static ShapeMismatchException mismatch(String op, String what, int a, int b) {
        return new ShapeMismatchException(op + ": " + what + " " + a + " and " + b + " differ");
    }
}
