package hyp.runtime.kernels;

import static hyp.runtime.kernels.GemmKernel.MR;
import static hyp.runtime.kernels.GemmKernel.NR;
import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;

/**
 * Copies blocks of A and B into the panel layout {@link GemmKernel} streams through: A as
 * consecutive MR-row panels (for each p, MR values of one column), B as consecutive NR-column
 * panels (for each p, NR values of one row). Panels are zero-padded past the matrix edge.
 * Transposed operands are handled here, so the kernel only ever sees one layout.
 */
final class GemmPacking {
    private GemmPacking() {
    }

    /**
     * Packs rows [i0, i0+mc) and columns [p0, p0+kc) of op(A) into {@code ap}, where op(A) = A
     * (stored m × k, row stride k) or Aᵀ (A stored k × m, row stride m).
     */
    static void packA(double[] a, int aOff, boolean transA, int m, int k,
                      int i0, int mc, int p0, int kc, double[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            int base = (ir / MR) * kc * MR;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * m + i0 + ir;
                    int dst = base + p * MR;
                    for (int r = 0; r < rows; r++) {
                        ap[dst + r] = a[src + r];
                    }
                    for (int r = rows; r < MR; r++) {
                        ap[dst + r] = 0.0;
                    }
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (i0 + ir + r) * k + p0;
                        for (int p = 0; p < kc; p++) {
                            ap[base + p * MR + r] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            ap[base + p * MR + r] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs rows [p0, p0+kc) and columns [j0, j0+nc) of op(B) into {@code bp}, where op(B) = B
     * (stored k × n, row stride n) or Bᵀ (B stored n × k, row stride k).
     */
    static void packB(double[] b, int bOff, boolean transB, int k, int n,
                      int p0, int kc, int j0, int nc, double[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int base = (jr / NR) * kc * NR;
            if (transB) {
                for (int j = 0; j < NR; j++) {
                    if (j < cols) {
                        int src = bOff + (j0 + jr + j) * k + p0;
                        for (int p = 0; p < kc; p++) {
                            bp[base + p * NR + j] = b[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            bp[base + p * NR + j] = 0.0;
                        }
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * n + j0 + jr;
                    int dst = base + p * NR;
                    if (cols == NR) { // a full row of the panel: two vector moves, no call overhead
                        DoubleVector.fromArray(S, b, src).intoArray(bp, dst);
                        DoubleVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                    } else {
                        for (int j = 0; j < NR; j++) {
                            bp[dst + j] = j < cols ? b[src + j] : 0.0;
                        }
                    }
                }
            }
        }
    }
}
