package hyp.runtime.complex;

/**
 * The complex version of {@code hyp.runtime.ops.Products}. Products are bilinear, never conjugating: the
 * analytic continuation of the real products, which is what the complex step needs.
 */
public final class ComplexProducts {
    private ComplexProducts() {}

    /** Σ x_i y_i for vectors (no conjugate). */
    public static Complex dot(ComplexTensor x, ComplexTensor y) {
        ComplexChecks.rank("dot", x, 1);
        ComplexChecks.rank("dot", y, 1);
        ComplexChecks.dimsAgree("dot", x.shape[0], y.shape[0]);
        double re = 0, im = 0;
        for (int i = 0; i < x.size(); i++) {
            re += x.re[i] * y.re[i] - x.im[i] * y.im[i];
            im += x.re[i] * y.im[i] + x.im[i] * y.re[i];
        }
        return new Complex(re, im);
    }

    /** A x for A (n×d) and x (d). */
    public static ComplexTensor matvec(ComplexTensor a, ComplexTensor x) {
        ComplexChecks.rank("matvec", a, 2);
        int n = a.shape[0], d = a.shape[1];
        ComplexChecks.dimsAgree("matvec", d, x.shape[0]);
        ComplexTensor r = ComplexTensor.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) multiplyAdd(r, i, a, i * d + j, x, j);
        }
        return r;
    }

    /** xᵀ A for x (n) and A (n×d). */
    public static ComplexTensor vecmat(ComplexTensor x, ComplexTensor a) {
        ComplexChecks.rank("vecmat", a, 2);
        int n = a.shape[0], d = a.shape[1];
        ComplexChecks.dimsAgree("vecmat", n, x.shape[0]);
        ComplexTensor r = ComplexTensor.zeros(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) multiplyAdd(r, j, x, i, a, i * d + j);
        }
        return r;
    }

    /** A B for A (n×k) and B (k×m). */
    public static ComplexTensor matmul(ComplexTensor a, ComplexTensor b) {
        ComplexChecks.rank("matmul", a, 2);
        ComplexChecks.rank("matmul", b, 2);
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
        ComplexChecks.dimsAgree("matmul", k, b.shape[0]);
        ComplexTensor r = ComplexTensor.zeros(n, m);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < m; j++) multiplyAdd(r, i * m + j, a, i * k + p, b, p * m + j);
            }
        }
        return r;
    }

    /** The plain transpose (no conjugate). */
    public static ComplexTensor transpose(ComplexTensor a) {
        ComplexChecks.rank("transpose", a, 2);
        int n = a.shape[0], d = a.shape[1];
        ComplexTensor r = ComplexTensor.zeros(d, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                r.re[j * n + i] = a.re[i * d + j];
                r.im[j * n + i] = a.im[i * d + j];
            }
        }
        return r;
    }

    /** x yᵀ (no conjugate). */
    public static ComplexTensor outer(ComplexTensor x, ComplexTensor y) {
        int n = x.size(), m = y.size();
        ComplexTensor r = ComplexTensor.zeros(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) multiplyAdd(r, i * m + j, x, i, y, j);
        }
        return r;
    }

    /** r[k] += a[i]·b[j], on a result this class has just made. */
    private static void multiplyAdd(ComplexTensor r, int k, ComplexTensor a, int i, ComplexTensor b, int j) {
        r.re[k] += a.re[i] * b.re[j] - a.im[i] * b.im[j];
        r.im[k] += a.re[i] * b.im[j] + a.im[i] * b.re[j];
    }
}
