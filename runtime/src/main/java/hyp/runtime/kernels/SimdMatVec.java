package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/** The Vector API form of {@link MatVec}'s row loops, four rows of A at a time. */
final class SimdMatVec {
    /** Rows handled together. */
    private static final int ROWS = 4;

    private SimdMatVec() {
    }

    /** y[i] (=|+=) A[i,:]·x. Each row sums its own lanes, then its scalar tail, so rows are independent of blocking. */
    static void rowDots(int m, int n, double[] a, int aOff, double[] x, int xOff,
                        double[] y, int yOff, boolean accumulate) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i <= m - ROWS; i += ROWS) {
            int r0 = aOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
            for (int j = 0; j < bound; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, x, xOff + j);
                c0 = DoubleVector.fromArray(S, a, r0 + j).fma(v, c0);
                c1 = DoubleVector.fromArray(S, a, r1 + j).fma(v, c1);
                c2 = DoubleVector.fromArray(S, a, r2 + j).fma(v, c2);
                c3 = DoubleVector.fromArray(S, a, r3 + j).fma(v, c3);
            }
            double s0 = Lanes.sum(c0), s1 = Lanes.sum(c1), s2 = Lanes.sum(c2), s3 = Lanes.sum(c3);
            for (int j = bound; j < n; j++) {
                double xj = x[xOff + j];
                s0 = Math.fma(a[r0 + j], xj, s0);
                s1 = Math.fma(a[r1 + j], xj, s1);
                s2 = Math.fma(a[r2 + j], xj, s2);
                s3 = Math.fma(a[r3 + j], xj, s3);
            }
            MatVec.store(y, yOff + i, s0, accumulate);
            MatVec.store(y, yOff + i + 1, s1, accumulate);
            MatVec.store(y, yOff + i + 2, s2, accumulate);
            MatVec.store(y, yOff + i + 3, s3, accumulate);
        }
        for (; i < m; i++) {
            int r = aOff + i * n;
            DoubleVector c = DoubleVector.zero(S);
            for (int j = 0; j < bound; j += L) {
                c = DoubleVector.fromArray(S, a, r + j).fma(DoubleVector.fromArray(S, x, xOff + j), c);
            }
            double s = Lanes.sum(c);
            for (int j = bound; j < n; j++) {
                s = Math.fma(a[r + j], x[xOff + j], s);
            }
            MatVec.store(y, yOff + i, s, accumulate);
        }
    }

    /**
     * y += Aᵀx as y[j] = fma(x[i], A[i,j], y[j]) for i in order: four rows per pass over y, the same
     * operations in the same order as one row at a time, so the result does not depend on the blocking.
     */
    static void rowUpdates(int m, int n, double[] a, int aOff, double[] x, int xOff, double[] y, int yOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i <= m - ROWS; i += ROWS) {
            int r0 = aOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
            double x0 = x[xOff + i], x1 = x[xOff + i + 1], x2 = x[xOff + i + 2], x3 = x[xOff + i + 3];
            DoubleVector b0 = DoubleVector.broadcast(S, x0), b1 = DoubleVector.broadcast(S, x1);
            DoubleVector b2 = DoubleVector.broadcast(S, x2), b3 = DoubleVector.broadcast(S, x3);
            int j = 0;
            // four column vectors at a time: each is its own chain of four dependent multiply-adds, so the chains
            // overlap instead of waiting on one another (the operations per element stay the same, in row order)
            for (; j <= bound - 4 * L; j += 4 * L) {
                int c0 = yOff + j, c1 = c0 + L, c2 = c1 + L, c3 = c2 + L;
                DoubleVector y0 = DoubleVector.fromArray(S, y, c0), y1 = DoubleVector.fromArray(S, y, c1);
                DoubleVector y2 = DoubleVector.fromArray(S, y, c2), y3 = DoubleVector.fromArray(S, y, c3);
                int k0 = r0 + j, k1 = r1 + j, k2 = r2 + j, k3 = r3 + j;
                y0 = b0.fma(DoubleVector.fromArray(S, a, k0), y0);
                y1 = b0.fma(DoubleVector.fromArray(S, a, k0 + L), y1);
                y2 = b0.fma(DoubleVector.fromArray(S, a, k0 + 2 * L), y2);
                y3 = b0.fma(DoubleVector.fromArray(S, a, k0 + 3 * L), y3);
                y0 = b1.fma(DoubleVector.fromArray(S, a, k1), y0);
                y1 = b1.fma(DoubleVector.fromArray(S, a, k1 + L), y1);
                y2 = b1.fma(DoubleVector.fromArray(S, a, k1 + 2 * L), y2);
                y3 = b1.fma(DoubleVector.fromArray(S, a, k1 + 3 * L), y3);
                y0 = b2.fma(DoubleVector.fromArray(S, a, k2), y0);
                y1 = b2.fma(DoubleVector.fromArray(S, a, k2 + L), y1);
                y2 = b2.fma(DoubleVector.fromArray(S, a, k2 + 2 * L), y2);
                y3 = b2.fma(DoubleVector.fromArray(S, a, k2 + 3 * L), y3);
                y0 = b3.fma(DoubleVector.fromArray(S, a, k3), y0);
                y1 = b3.fma(DoubleVector.fromArray(S, a, k3 + L), y1);
                y2 = b3.fma(DoubleVector.fromArray(S, a, k3 + 2 * L), y2);
                y3 = b3.fma(DoubleVector.fromArray(S, a, k3 + 3 * L), y3);
                y0.intoArray(y, c0);
                y1.intoArray(y, c1);
                y2.intoArray(y, c2);
                y3.intoArray(y, c3);
            }
            for (; j < bound; j += L) {
                DoubleVector acc = DoubleVector.fromArray(S, y, yOff + j);
                acc = b0.fma(DoubleVector.fromArray(S, a, r0 + j), acc);
                acc = b1.fma(DoubleVector.fromArray(S, a, r1 + j), acc);
                acc = b2.fma(DoubleVector.fromArray(S, a, r2 + j), acc);
                acc = b3.fma(DoubleVector.fromArray(S, a, r3 + j), acc);
                acc.intoArray(y, yOff + j);
            }
            for (j = bound; j < n; j++) {
                double acc = y[yOff + j];
                acc = Math.fma(x0, a[r0 + j], acc);
                acc = Math.fma(x1, a[r1 + j], acc);
                acc = Math.fma(x2, a[r2 + j], acc);
                acc = Math.fma(x3, a[r3 + j], acc);
                y[yOff + j] = acc;
            }
        }
        for (; i < m; i++) {
            Blas1.axpy(x[xOff + i], a, aOff + i * n, y, yOff, n);
        }
    }
}
