package hyp.runtime.ops;

import hyp.runtime.Tensor;
import hyp.runtime.kernels.Blas1;
import hyp.runtime.kernels.MatMul;
import hyp.runtime.kernels.MatVec;
import hyp.runtime.kernels.Outer;

/**
 * The four meanings of {@code @}, transposition and the outer product, on the SIMD kernels of
 * {@code hyp.runtime.kernels}. Sums are accumulated in several lanes and with fused multiply-adds, so they may
 * differ from a left-to-right scalar sum in the last bits; they do not depend on the thread count.
 */
public final class Products {
    private Products() {}

    /** x · y for vectors. */
    public static double dot(Tensor x, Tensor y) {
        Checks.rank("dot", x, 1);
        Checks.rank("dot", y, 1);
        Checks.dimsAgree("dot", x.shape[0], y.shape[0]);
        if (ReferenceMode.ON) return ReferenceProducts.dot(x, y);
        return Blas1.dot(x.data, y.data, x.data.length);
    }

    /** A x for A (n×d) and x (d). */
    public static Tensor matvec(Tensor a, Tensor x) {
        Checks.rank("matvec", a, 2);
        int n = a.shape[0], d = a.shape[1];
        Checks.dimsAgree("matvec", d, x.shape[0]);
        if (ReferenceMode.ON) return ReferenceProducts.matvec(a, x);
        double[] r = new double[n];
        MatVec.multiply(a.data, n, d, x.data, r);
        return new Tensor(r, n);
    }

    /** xᵀ A for x (n) and A (n×d), i.e. Aᵀ x. */
    public static Tensor vecmat(Tensor x, Tensor a) {
        Checks.rank("vecmat", a, 2);
        int n = a.shape[0], d = a.shape[1];
        Checks.dimsAgree("vecmat", n, x.shape[0]);
        if (ReferenceMode.ON) return ReferenceProducts.vecmat(x, a);
        double[] r = new double[d];
        MatVec.multiplyTransposed(a.data, n, d, x.data, r);
        return new Tensor(r, d);
    }

    /** A B for A (n×k) and B (k×m). */
    public static Tensor matmul(Tensor a, Tensor b) {
        Checks.rank("matmul", a, 2);
        Checks.rank("matmul", b, 2);
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
        Checks.dimsAgree("matmul", k, b.shape[0]);
        if (ReferenceMode.ON) return ReferenceProducts.matmul(a, b);
        double[] r = new double[n * m];
        MatMul.multiply(a.data, b.data, r, n, k, m);
        return new Tensor(r, n, m);
    }

    /** Aᵀ, copied in square tiles so that both the reads and the writes stay within a few cache lines. */
    public static Tensor transpose(Tensor a) {
        Checks.rank("transpose", a, 2);
        if (ReferenceMode.ON) return ReferenceProducts.transpose(a);
        int n = a.shape[0], d = a.shape[1];
        double[] r = new double[n * d];
        final int tile = 32;
        for (int i0 = 0; i0 < n; i0 += tile) {
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = 0; j0 < d; j0 += tile) {
                int j1 = Math.min(d, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) r[j * n + i] = a.data[i * d + j];
                }
            }
        }
        return new Tensor(r, d, n);
    }

    /** x yᵀ. */
    public static Tensor outer(Tensor x, Tensor y) {
        if (ReferenceMode.ON) return ReferenceProducts.outer(x, y);
        int n = x.data.length, m = y.data.length;
        double[] r = new double[n * m];
        Outer.rank1Update(1.0, x.data, y.data, r, n, m);
        return new Tensor(r, n, m);
    }
}
