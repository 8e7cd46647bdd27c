package hyp.runtime.kernels;

/**
 * Unfolds one image into the patch matrix of a valid stride-1 convolution and folds it back.
 * Row (c, u, v) of the patch matrix (patchSize × outH·outW) holds x[c, oh + u, ow + v] over all
 * output positions (oh, ow), so a convolution becomes the product filters · patches.
 */
final class Im2Col {
    private Im2Col() {
    }

    /** cols = im2col(x[xOff ..]) for one image. */
    static void unfold(ConvShape s, double[] x, int xOff, double[] cols) {
        int oh = s.outH();
        int ow = s.outW();
        int row = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int u = 0; u < s.kernelH(); u++) {
                for (int v = 0; v < s.kernelW(); v++, row++) {
                    int dst = row * oh * ow;
                    for (int i = 0; i < oh; i++) {
                        int src = xOff + (c * s.height() + i + u) * s.width() + v;
                        System.arraycopy(x, src, cols, dst + i * ow, ow);
                    }
                }
            }
        }
    }

    /** dx[xOff ..] += col2im(cols) for one image: the adjoint of {@link #unfold}. */
    static void foldAdd(ConvShape s, double[] cols, double[] dx, int xOff) {
        int oh = s.outH();
        int ow = s.outW();
        int row = 0;
        for (int c = 0; c < s.channels(); c++) {
            for (int u = 0; u < s.kernelH(); u++) {
                for (int v = 0; v < s.kernelW(); v++, row++) {
                    int src = row * oh * ow;
                    for (int i = 0; i < oh; i++) {
                        int dst = xOff + (c * s.height() + i + u) * s.width() + v;
                        int from = src + i * ow;
                        for (int j = 0; j < ow; j++) {
                            dx[dst + j] += cols[from + j];
                        }
                    }
                }
            }
        }
    }
}
