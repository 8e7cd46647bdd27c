package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.MatVec;
import java.util.Arrays;

/**
 * The driver of a compiler-fused row pass {@code g = Xᵀ f(X u₁, …, X uₖ, …)}: X (n × d) is walked once, in blocks
 * of rows small enough to stay in the L1 cache between the two products. For each block the generated code asks
 * {@link #next()} (which computes the block's row dots X_b u_j), fills {@link #residual} element by element, then
 * calls {@link #accumulate()} (g += X_bᵀ r_b). Both products run the {@link MatVec} kernels on row slices; each
 * row's dot and each g entry's sum over rows go through the same operations in the same order as the unblocked
 * kernels, so the result is the same to the last bit as {@code vecmat(f(matvec(X, u)…), X)}.
 */
public final class RowBlocks {
    /** Bytes of X per block: half a typical 32 KiB L1 data cache, leaving room for u, g and the block vectors. */
    static final int BLOCK_BYTES = 16 * 1024;
    /**
     * A matrix of at most this many bytes is one block: it stays in the L2 cache between the two products anyway,
     * and small problems (a few hundred rows) would otherwise spend more on per-block calls than on the rows.
     */
    static final int WHOLE_BYTES = 256 * 1024;

    private final Tensor x;
    private final int n, d, block;
    private final double[][] u;
    private final double[] g;
    /** The current block: rows [from, from + length). */
    public int from, length;
    /** Row j of the current block's dots with u_k: {@code dots[k][j]}. */
    public final double[][] dots;
    /** The current block's element-wise result, to be filled before {@link #accumulate()}. */
    public final double[] residual;

    private RowBlocks(Tensor x, int count) {
        Checks.rank("matvec", x, 2);
        this.x = x;
        this.n = x.shape[0];
        this.d = x.shape[1];
        this.block = ReferenceMode.ON ? Math.max(n, 1) : blockRows(n, d);
        this.u = new double[count][];
        this.dots = new double[count][Math.min(block, Math.max(n, 1))];
        this.residual = new double[Math.min(block, Math.max(n, 1))];
        this.g = new double[d];
        this.from = 0;
        this.length = 0;
    }

    /** A pass over the rows of {@code x} with {@code count} row dots. */
    public static RowBlocks over(Tensor x, int count) {
        return new RowBlocks(x, count);
    }

    /**
     * Rows per block for n rows of {@code d} doubles: all of them for a small matrix, else a multiple of 4 (the
     * kernels' row group), at least 4.
     */
    static int blockRows(int n, int d) {
        if (8L * n * d <= WHOLE_BYTES) return Math.max(n, 1);
        int rows = BLOCK_BYTES / (8 * Math.max(d, 1));
        return Math.max(4, rows & ~3);
    }

    /** Sets the vector of row dot {@code k}, checking it as {@code matvec} would. */
    public void dot(int k, Tensor v) {
        Checks.rank("matvec", v, 1);
        Checks.dimsAgree("matvec", d, v.shape[0]);
        u[k] = v.data;
    }

    /** The elements of a tensor read row by row, checked to have one element per row of X. */
    public double[] rows(Tensor t) {
        if (t.rank() != 1 || t.shape[0] != n) {
            throw new ShapeMismatchException("vecmat: shapes " + Arrays.toString(t.shape) + " and [" + n
                    + "] differ (one element per row of the " + n + " x " + d + " matrix)");
        }
        return t.data;
    }

    /** Moves to the next block and computes its row dots; false when every row has been seen. */
    public boolean next() {
        from += length;
        if (from >= n) return false;
        length = Math.min(block, n - from);
        for (int k = 0; k < u.length; k++) {
            if (ReferenceMode.ON) {
                dots[k] = ReferenceProducts.matvec(x, new Tensor(u[k], d)).data;
            } else {
                MatVec.gemv(false, length, d, x.data, from * d, u[k], 0, dots[k], 0, false);
            }
        }
        return true;
    }

    /** g += X_bᵀ r_b for the current block. */
    public void accumulate() {
        if (ReferenceMode.ON) {
            double[] add = ReferenceProducts.vecmat(new Tensor(residual.clone(), n), x).data;
            for (int j = 0; j < d; j++) g[j] += add[j];
        } else {
            MatVec.gemv(true, length, d, x.data, from * d, residual, 0, g, 0, true);
        }
    }

    /** g = Xᵀ r over all rows. */
    public Tensor result() {
        return new Tensor(g, d);
    }
}
