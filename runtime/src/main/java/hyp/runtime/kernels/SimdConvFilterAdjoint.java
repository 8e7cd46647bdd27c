package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/**
 * The filter adjoint of {@link Conv2d} computed straight from the images, without a patch matrix:
 * dw[f, c, u, v] += Σ_b Σ_i Σ_j dy[b, f, i, j] · x[b, c, i + u, j + v], in vector lanes along the output row j.
 *
 * <p>The patch-matrix product (im2col, then a gemm of depth outH·outW per image) copies every input value
 * kernelH·kernelW times and, for the first LeNet layer (6 filters × 25 taps), runs a product too small to use the
 * register tile well. Here one block of 3 filters × 5 columns of taps (v) keeps 15 vector accumulators while
 * the rows of all images stream through: per output-row vector, 3 loads of dy and 5 (unaligned) loads of x feed
 * 15 fused multiply-adds. Blocks past the last filter or tap repeat the last one and are not stored.
 *
 * <p>Each dw entry is summed by one block in a fixed order (images, rows, row vectors into lanes, then the lanes
 * left to right), so the result does not depend on how blocks are shared out among threads.
 */
final class SimdConvFilterAdjoint {
    /** Filters and taps per block. */
    private static final int FB = 3;
    private static final int VB = 5;
    /** Below this many multiply-adds per call, stay on one thread. */
    private static final long PARALLEL = 1L << 20;

    private SimdConvFilterAdjoint() {
    }

    /**
     * Whether this kernel applies and pays: output rows made of whole vectors, and a patch-matrix product whose
     * register tiles (filters in MR rows, taps in NR columns) would spend more than a fifth of their multiply-adds
     * on padding (the first LeNet layer: 6 filters in 8 rows, 25 taps in 32 columns, 1.7×). Otherwise the two run
     * at about the same speed per useful multiply-add and the product, which reads each patch value once per
     * row tile rather than once per block of 3 filters, is kept.
     */
    static boolean fits(ConvShape s) {
        int f = s.filters();
        int p = s.patchSize();
        double gemmPadding = (double) roundUp(f, GemmKernel.MR) * roundUp(p, GemmKernel.NR) / ((double) f * p);
        return s.outW() % L == 0 && gemmPadding > 1.25;
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    static void adjointFilter(ConvShape s, double[] dy, double[] x, double[] dw) {
        int fBlocks = (s.filters() + FB - 1) / FB;
        int vBlocks = (s.kernelW() + VB - 1) / VB;
        int blocks = s.channels() * s.kernelH() * fBlocks * vBlocks;
        boolean parallel = (long) s.outputSize() * s.patchSize() >= PARALLEL;
        Parallel.forRange(blocks, 1, parallel, (b0, b1) -> {
            for (int t = b0; t < b1; t++) {
                int vb = t % vBlocks;
                int rest = t / vBlocks;
                int fb = rest % fBlocks;
                rest /= fBlocks;
                block(s, dy, x, dw, rest / s.kernelH(), rest % s.kernelH(), fb * FB, vb * VB);
            }
        });
    }

    /** dw[f0 .. f0+2, c, u, v0 .. v0+4] (those that exist) from all images. */
    private static void block(ConvShape s, double[] dy, double[] x, double[] dw, int c, int u, int f0, int v0) {
        int nf = s.filters();
        int kw = s.kernelW();
        int oh = s.outH();
        int ow = s.outW();
        int width = s.width();
        int f1 = Math.min(f0 + 1, nf - 1);
        int f2 = Math.min(f0 + 2, nf - 1);
        int va = v0;
        int vb = Math.min(v0 + 1, kw - 1);
        int vc = Math.min(v0 + 2, kw - 1);
        int vd = Math.min(v0 + 3, kw - 1);
        int ve = Math.min(v0 + 4, kw - 1);
        double[] acc = new double[FB * VB * L];
        int plane = oh * ow;
        int imageRows = s.channels() * s.height();
        sweep(dy, x, acc, f0 * plane, (f1 - f0) * plane, (f2 - f0) * plane, (c * s.height() + u) * width,
                s.batch() * plane, plane, (nf - 1) * plane, ow, oh, width, (imageRows - oh) * width,
                va, vb, vc, vd, ve);
        double[] sums = new double[FB * VB];
        for (int k = 0; k < sums.length; k++) {
            sums[k] = Lanes.sum(DoubleVector.fromArray(S, acc, k * L));
        }
        int taps = Math.min(VB, kw - v0);
        for (int df = 0; df < FB && f0 + df < nf; df++) {
            int at = (((f0 + df) * s.channels() + c) * s.kernelH() + u) * kw + v0;
            for (int dv = 0; dv < taps; dv++) {
                dw[at + dv] += sums[df * VB + dv];
            }
        }
    }

    /**
     * acc[(df·5 + dv)·L ..] = Σ dy[y + d_df] · x[xr + j + v_dv] over every output-row vector of every image, in one
     * flat loop (C2 on JDK 17 boxes vectors carried through nested loops): y walks dy's plane of filter f0 and
     * jumps to the next image's after {@code plane} values; j walks a row and xr the input rows under it, jumping
     * to the next image's channel c after {@code oh} rows.
     */
    private static void sweep(double[] dy, double[] x, double[] acc, int y, int d1, int d2, int xr, int total,
                              int plane, int nextImageY, int ow, int oh, int width, int nextImageX,
                              int va, int vb, int vc, int vd, int ve) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector b0 = a0, c0 = a0, d0 = a0, e0 = a0;
        DoubleVector a1 = a0, b1 = a0, c1 = a0, e1 = a0;
        DoubleVector dd1 = a0;
        DoubleVector a2 = a0, b2 = a0, c2 = a0, dd2 = a0, e2 = a0;
        int j = 0;
        int row = 0;
        int q = 0;
        for (int k = 0; k < total; k += L) {
            DoubleVector g0 = DoubleVector.fromArray(S, dy, y);
            DoubleVector g1 = DoubleVector.fromArray(S, dy, y + d1);
            DoubleVector g2 = DoubleVector.fromArray(S, dy, y + d2);
            int xj = xr + j;
            DoubleVector x0 = DoubleVector.fromArray(S, x, xj + va);
            a0 = g0.fma(x0, a0);
            a1 = g1.fma(x0, a1);
            a2 = g2.fma(x0, a2);
            DoubleVector x1 = DoubleVector.fromArray(S, x, xj + vb);
            b0 = g0.fma(x1, b0);
            b1 = g1.fma(x1, b1);
            b2 = g2.fma(x1, b2);
            DoubleVector x2 = DoubleVector.fromArray(S, x, xj + vc);
            c0 = g0.fma(x2, c0);
            c1 = g1.fma(x2, c1);
            c2 = g2.fma(x2, c2);
            DoubleVector x3 = DoubleVector.fromArray(S, x, xj + vd);
            d0 = g0.fma(x3, d0);
            dd1 = g1.fma(x3, dd1);
            dd2 = g2.fma(x3, dd2);
            DoubleVector x4 = DoubleVector.fromArray(S, x, xj + ve);
            e0 = g0.fma(x4, e0);
            e1 = g1.fma(x4, e1);
            e2 = g2.fma(x4, e2);
            y += L;
            q += L;
            j += L;
            if (j == ow) {
                j = 0;
                xr += width;
                if (++row == oh) {
                    row = 0;
                    xr += nextImageX;
                }
            }
            if (q == plane) {
                q = 0;
                y += nextImageY;
            }
        }
        a0.intoArray(acc, 0);
        b0.intoArray(acc, L);
        c0.intoArray(acc, 2 * L);
        d0.intoArray(acc, 3 * L);
        e0.intoArray(acc, 4 * L);
        a1.intoArray(acc, 5 * L);
        b1.intoArray(acc, 6 * L);
        c1.intoArray(acc, 7 * L);
        dd1.intoArray(acc, 8 * L);
        e1.intoArray(acc, 9 * L);
        a2.intoArray(acc, 10 * L);
        b2.intoArray(acc, 11 * L);
        c2.intoArray(acc, 12 * L);
        dd2.intoArray(acc, 13 * L);
        e2.intoArray(acc, 14 * L);
    }
}
