package hyp.runtime.kernels;

import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/**
 * The register-tiled inner kernel of {@link MatMul}: an MR × NR tile of C (NR = two vectors) is
 * held in 2·MR vector accumulators while one packed panel of A and one of B stream through.
 *
 * <p>Every element of a tile is computed the same way whether it is a full tile or an edge tile:
 * {@code acc = 0; acc = fma(a_p, b_p, acc) for p in order; c = first ? acc : c + acc}. That makes
 * the result independent of tiling and of how rows are split across threads.
 */
final class GemmKernel {
    /** Rows of C per tile. */
    static final int MR = 4;
    /** Columns of C per tile: two vectors. */
    static final int NR = 2 * L;

    private GemmKernel() {
    }

    /**
     * C[cOff + r·ldc + j] (=|+=) Σ_p ap[aOff + p·MR + r] · bp[bOff + p·NR + j] for a full tile.
     *
     * @param overwrite store the sum instead of adding it to C
     * @param rows how many of the MR rows exist in C (the rest are computed from padding and dropped)
     */
    static void full(int kc, double[] ap, int aOff, double[] bp, int bOff,
                     double[] c, int cOff, int ldc, boolean overwrite, int rows) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
        }
        store(c00, c01, c, cOff, overwrite);
        if (rows > 1) {
            store(c10, c11, c, cOff + ldc, overwrite);
        }
        if (rows > 2) {
            store(c20, c21, c, cOff + 2 * ldc, overwrite);
        }
        if (rows > 3) {
            store(c30, c31, c, cOff + 3 * ldc, overwrite);
        }
    }

    /** As {@link #full} for a tile cut to {@code mr ≤ MR} rows and {@code nr < NR} columns. */
    static void edge(int kc, double[] ap, int aOff, double[] bp, int bOff,
                     double[] c, int cOff, int ldc, boolean overwrite, int mr, int nr, double[] tile) {
        // The packed panels are zero-padded, so a full tile computed into scratch is exact for
        // the rows and columns that exist; only those are written back.
        full(kc, ap, aOff, bp, bOff, tile, 0, NR, true, MR);
        for (int r = 0; r < mr; r++) {
            int row = cOff + r * ldc;
            for (int j = 0; j < nr; j++) {
                double t = tile[r * NR + j];
                c[row + j] = overwrite ? t : c[row + j] + t;
            }
        }
    }

    private static void store(DoubleVector v0, DoubleVector v1, double[] c, int off, boolean overwrite) {
        if (overwrite) {
            v0.intoArray(c, off);
            v1.intoArray(c, off + L);
        } else {
            DoubleVector.fromArray(S, c, off).add(v0).intoArray(c, off);
            DoubleVector.fromArray(S, c, off + L).add(v1).intoArray(c, off + L);
        }
    }
}
