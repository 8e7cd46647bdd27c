package hyp.runtime.kernels;

import static hyp.runtime.kernels.GemmKernel.MR;
import static hyp.runtime.kernels.GemmKernel.NR;

import java.util.Arrays;

/**
 * Dense matrix products on row-major {@code double[]}: C = op(A)·op(B) or C += op(A)·op(B), where
 * op is the identity or the transpose. All sizes are given as (m, k, n): op(A) is m × k, op(B) is
 * k × n and C is m × n.
 *
 * <p>Large products use the packed, cache-blocked scheme of high-performance BLAS: a KC × NC block
 * of op(B) and an MC × KC block of op(A) are copied into contiguous panels and a register-tiled
 * kernel computes MR × NR tiles of C with fused multiply-adds. Above a size threshold the rows of
 * C are split across {@link Parallel}'s threads; each element is always computed by one thread in
 * one fixed order, so results do not depend on the thread count. C must not overlap A or B.
 */
public final class MatMul {
    /** Depth of a packed block: KC × NR doubles of B (16 KiB for 8 columns) stay in L1. */
    static final int KC = 256;
    /** Rows per packed block of A, a multiple of MR: MC × KC doubles (about 256 KiB) stay in L2. */
    static final int MC = 128 / MR * MR;
    /** Columns per packed block of B. */
    static final int NC = 4096;
    /** Below this many multiply-adds the scalar loop beats packing. */
    private static final long SMALL = 4096;
    /** Above this many multiply-adds the rows are shared out between threads. */
    private static final long PARALLEL = 1L << 20;

    private MatMul() {
    }

    /** C = A·B with A m × k, B k × n, C m × n. */
    public static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        gemm(false, false, m, k, n, a, 0, b, 0, c, 0, false);
    }

    /** C += A·B with A m × k, B k × n, C m × n. */
    public static void multiplyAdd(double[] a, double[] b, double[] c, int m, int k, int n) {
        gemm(false, false, m, k, n, a, 0, b, 0, c, 0, true);
    }

    /** C = Aᵀ·B with A stored k × m, B k × n, C m × n (e.g. the adjoint w.r.t. B of A·B). */
    public static void multiplyTransA(double[] a, double[] b, double[] c, int m, int k, int n) {
        gemm(true, false, m, k, n, a, 0, b, 0, c, 0, false);
    }

    /** C = A·Bᵀ with A m × k, B stored n × k, C m × n (e.g. the adjoint w.r.t. A of A·B). */
    public static void multiplyTransB(double[] a, double[] b, double[] c, int m, int k, int n) {
        gemm(false, true, m, k, n, a, 0, b, 0, c, 0, false);
    }

    /**
     * General product C (=|+=) op(A)·op(B) on slices starting at the given offsets.
     *
     * @param transA A is stored k × m and used transposed (else stored m × k)
     * @param transB B is stored n × k and used transposed (else stored k × n)
     * @param accumulate add to C instead of overwriting it
     */
    public static void gemm(boolean transA, boolean transB, int m, int k, int n,
                            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                            boolean accumulate) {
        check(m, k, n, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * n, cOff + i * n + n, 0.0);
                }
            }
            return;
        }
        long work = (long) m * n * k;
        if (work <= SMALL || !Simd.ENABLED) { // GemmKernel runs on the Vector API
            scalar(transA, transB, m, k, n, a, aOff, b, bOff, c, cOff, accumulate);
            return;
        }
        boolean parallel = work >= PARALLEL && m >= 2 * MR;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            double[] bp = Scratch.take(Scratch.B, roundUp(nc, NR) * Math.min(KC, k));
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean overwrite = !accumulate && pc == 0;
                GemmPacking.packB(b, bOff, transB, k, n, pc, kc, jc, nc, bp);
                int jc0 = jc;
                int pc0 = pc;
                Parallel.forRange(m, MR, parallel, (r0, r1) -> rowBlock(transA, m, k, n, a, aOff, bp,
                        c, cOff, r0, r1, jc0, nc, pc0, kc, overwrite));
            }
            Scratch.give(Scratch.B, bp);
        }
    }

    /** Rows [r0, r1) of C against one packed block of B. */
    private static void rowBlock(boolean transA, int m, int k, int n, double[] a, int aOff, double[] bp,
                                 double[] c, int cOff, int r0, int r1, int jc, int nc, int pc, int kc,
                                 boolean overwrite) {
        double[] ap = Scratch.take(Scratch.A, roundUp(Math.min(MC, r1 - r0), MR) * kc);
        double[] tile = new double[MR * NR];
        for (int ic = r0; ic < r1; ic += MC) {
            int mc = Math.min(MC, r1 - ic);
            GemmPacking.packA(a, aOff, transA, m, k, ic, mc, pc, kc, ap);
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int bOff = jr * kc;
                for (int ir = 0; ir < mc; ir += MR) {
                    int mr = Math.min(MR, mc - ir);
                    int at = cOff + (ic + ir) * n + jc + jr;
                    if (nr == NR) {
                        GemmKernel.full(kc, ap, ir * kc, bp, bOff, c, at, n, overwrite, mr);
                    } else {
                        GemmKernel.edge(kc, ap, ir * kc, bp, bOff, c, at, n, overwrite, mr, nr, tile);
                    }
                }
            }
        }
        Scratch.give(Scratch.A, ap);
    }

    /** Tiny products: the same per-element arithmetic (fma chain per KC block) without packing. */
    private static void scalar(boolean transA, boolean transB, int m, int k, int n,
                               double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                               boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = cOff + i * n + j;
                for (int pc = 0; pc < k; pc += KC) {
                    int end = Math.min(k, pc + KC);
                    double acc = 0.0;
                    for (int p = pc; p < end; p++) {
                        double av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                        double bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                        acc = Math.fma(av, bv, acc);
                    }
                    c[at] = (pc == 0 && !accumulate) ? acc : c[at] + acc;
                }
            }
        }
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    private static void check(int m, int k, int n, double[] a, int aOff, double[] b, int bOff,
                              double[] c, int cOff) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException("MatMul: negative size m=" + m + " k=" + k + " n=" + n);
        }
        need("A", a, aOff, (long) m * k);
        need("B", b, bOff, (long) k * n);
        need("C", c, cOff, (long) m * n);
    }

    private static void need(String name, double[] x, int off, long count) {
        if (off < 0 || off + count > x.length) {
            throw new IllegalArgumentException("MatMul: " + name + " needs " + count + " elements from offset "
                    + off + " but has length " + x.length);
        }
    }
}
