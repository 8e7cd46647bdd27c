package hyp.runtime.ops;

import hyp.runtime.Tensor;

/** The four meanings of {@code @}, transposition and the outer product. */
public final class Products {
    private Products() {}

    /** x · y for vectors. */
    public static double dot(Tensor x, Tensor y) {
        Checks.rank("dot", x, 1);
        Checks.rank("dot", y, 1);
        Checks.dimsAgree("dot", x.shape[0], y.shape[0]);
        double s = 0;
        for (int i = 0; i < x.data.length; i++) s += x.data[i] * y.data[i];
        return s;
    }

    /** A x for A (n×d) and x (d). */
    public static Tensor matvec(Tensor a, Tensor x) {
        Checks.rank("matvec", a, 2);
        int n = a.shape[0], d = a.shape[1];
        Checks.dimsAgree("matvec", d, x.shape[0]);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) s += a.data[row + j] * x.data[j];
            r[i] = s;
        }
        return new Tensor(r, n);
    }

    /** xᵀ A for x (n) and A (n×d), i.e. Aᵀ x. */
    public static Tensor vecmat(Tensor x, Tensor a) {
        Checks.rank("vecmat", a, 2);
        int n = a.shape[0], d = a.shape[1];
        Checks.dimsAgree("vecmat", n, x.shape[0]);
        double[] r = new double[d];
        for (int i = 0; i < n; i++) {
            double xi = x.data[i];
            int row = i * d;
            for (int j = 0; j < d; j++) r[j] += xi * a.data[row + j];
        }
        return new Tensor(r, d);
    }

    /** A B for A (n×k) and B (k×m). */
    public static Tensor matmul(Tensor a, Tensor b) {
        Checks.rank("matmul", a, 2);
        Checks.rank("matmul", b, 2);
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
        Checks.dimsAgree("matmul", k, b.shape[0]);
        double[] r = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a.data[i * k + p];
                int brow = p * m, rrow = i * m;
                for (int j = 0; j < m; j++) r[rrow + j] += aip * b.data[brow + j];
            }
        }
        return new Tensor(r, n, m);
    }

    public static Tensor transpose(Tensor a) {
        Checks.rank("transpose", a, 2);
        int n = a.shape[0], d = a.shape[1];
        double[] r = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) r[j * n + i] = a.data[i * d + j];
        }
        return new Tensor(r, d, n);
    }

    /** x yᵀ. */
    public static Tensor outer(Tensor x, Tensor y) {
        int n = x.data.length, m = y.data.length;
        double[] r = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) r[i * m + j] = x.data[i] * y.data[j];
        }
        return new Tensor(r, n, m);
    }
}
