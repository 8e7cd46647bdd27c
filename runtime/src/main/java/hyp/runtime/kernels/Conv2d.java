package hyp.runtime.kernels;

/**
 * Valid, stride-1 2-D convolution (cross-correlation, as in neural networks) on NCHW arrays, and
 * its two adjoints. Sizes are described by a {@link ConvShape}:
 * {@code y[b, f, i, j] = Σ_{c,u,v} w[f, c, u, v] · x[b, c, i + u, j + v]}.
 *
 * <p>Each image is unfolded into a patch matrix so the work is a {@link MatMul} product. Images are
 * independent in the forward pass and the input adjoint and are shared out across threads; the
 * filter adjoint sums over images in image order on the calling thread, so results never depend
 * on the thread count. With the Vector API, output rows of whole vectors and a product whose
 * register tiles would be mostly padding (few filters, small patches: LeNet's first layer), the
 * filter adjoint runs {@link SimdConvFilterAdjoint} instead, which reads the images directly and
 * sums each entry in one fixed order too.
 */
public final class Conv2d {
    /** Below this many multiply-adds per call, stay on one thread. */
    private static final long PARALLEL = 1L << 20;

    private Conv2d() {
    }

    /** y = conv(x, w), overwriting y. */
    public static void forward(ConvShape s, double[] x, double[] w, double[] y) {
        check(s, x.length, w.length, y.length);
        int positions = s.outH() * s.outW();
        Parallel.forRange(s.batch(), 1, parallel(s), (b0, b1) -> {
            double[] cols = Scratch.take(Scratch.COLS, s.patchSize() * positions);
            for (int b = b0; b < b1; b++) {
                Im2Col.unfold(s, x, b * s.imageSize(), cols);
                MatMul.gemm(false, false, s.filters(), s.patchSize(), positions,
                        w, 0, cols, 0, y, b * s.outputImageSize(), false);
            }
            Scratch.give(Scratch.COLS, cols);
        });
    }

    /** dx += ∂(y·dy)/∂x: the adjoint w.r.t. the input, given the output adjoint dy. */
    public static void adjointInput(ConvShape s, double[] dy, double[] w, double[] dx) {
        check(s, dx.length, w.length, dy.length);
        int positions = s.outH() * s.outW();
        Parallel.forRange(s.batch(), 1, parallel(s), (b0, b1) -> {
            double[] cols = Scratch.take(Scratch.COLS, s.patchSize() * positions);
            for (int b = b0; b < b1; b++) {
                MatMul.gemm(true, false, s.patchSize(), s.filters(), positions,
                        w, 0, dy, b * s.outputImageSize(), cols, 0, false);
                Im2Col.foldAdd(s, cols, dx, b * s.imageSize());
            }
            Scratch.give(Scratch.COLS, cols);
        });
    }

    /** dw += ∂(y·dy)/∂w: the adjoint w.r.t. the filters, given the input x and output adjoint dy. */
    public static void adjointFilter(ConvShape s, double[] dy, double[] x, double[] dw) {
        check(s, x.length, dw.length, dy.length);
        if (Simd.ENABLED && SimdConvFilterAdjoint.fits(s)) { // straight from the images, no patch matrix
            SimdConvFilterAdjoint.adjointFilter(s, dy, x, dw);
            return;
        }
        int positions = s.outH() * s.outW();
        double[] cols = Scratch.take(Scratch.COLS, s.patchSize() * positions);
        for (int b = 0; b < s.batch(); b++) {
            Im2Col.unfold(s, x, b * s.imageSize(), cols);
            MatMul.gemm(false, true, s.filters(), positions, s.patchSize(),
                    dy, b * s.outputImageSize(), cols, 0, dw, 0, true);
        }
        Scratch.give(Scratch.COLS, cols);
    }

    private static boolean parallel(ConvShape s) {
        return s.batch() > 1 && (long) s.outputSize() * s.patchSize() >= PARALLEL;
    }

    private static void check(ConvShape s, int xLength, int wLength, int yLength) {
        if (xLength < s.inputSize() || wLength < s.filterSize() || yLength < s.outputSize()) {
            throw new IllegalArgumentException("Conv2d: arrays of length input=" + xLength + " filter="
                    + wLength + " output=" + yLength + " are too short for " + s);
        }
    }
}
