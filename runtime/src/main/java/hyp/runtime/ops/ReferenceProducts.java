package hyp.runtime.ops;

import hyp.runtime.Tensor;

/**
 * The plain scalar loops behind {@link Products} and {@link Reductions} before they ran on the kernels: the
 * baseline of the benchmarks (see {@link ReferenceMode}) and an independent oracle for tests. Shapes are checked
 * by the callers.
 */
public final class ReferenceProducts {
    private ReferenceProducts() {}

    /** x · y, summed left to right. */
    public static double dot(Tensor x, Tensor y) {
        double s = 0;
        for (int i = 0; i < x.data.length; i++) s += x.data[i] * y.data[i];
        return s;
    }

    /** A x for A (n×d), one row at a time. */
    public static Tensor matvec(Tensor a, Tensor x) {
        int n = a.shape[0], d = a.shape[1];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) s += a.data[row + j] * x.data[j];
            r[i] = s;
        }
        return new Tensor(r, n);
    }

    /** xᵀ A for x (n) and A (n×d). */
    public static Tensor vecmat(Tensor x, Tensor a) {
        int n = a.shape[0], d = a.shape[1];
        double[] r = new double[d];
        for (int i = 0; i < n; i++) {
            double xi = x.data[i];
            int row = i * d;
            for (int j = 0; j < d; j++) r[j] += xi * a.data[row + j];
        }
        return new Tensor(r, d);
    }

    /** A B for A (n×k) and B (k×m), in i-p-j order. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int n = a.shape[0], k = a.shape[1], m = b.shape[1];
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

    /** x yᵀ. */
    public static Tensor outer(Tensor x, Tensor y) {
        int n = x.data.length, m = y.data.length;
        double[] r = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) r[i * m + j] = x.data[i] * y.data[j];
        }
        return new Tensor(r, n, m);
    }

    /** Aᵀ, element by element. */
    public static Tensor transpose(Tensor a) {
        int n = a.shape[0], d = a.shape[1];
        double[] r = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) r[j * n + i] = a.data[i * d + j];
        }
        return new Tensor(r, d, n);
    }

    public static double sum(Tensor t) {
        double s = 0;
        for (double v : t.data) s += v;
        return s;
    }

    /** The largest entry (NaN if any is); -∞ for no entries. */
    public static double max(Tensor t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t.data) m = Math.max(m, v);
        return m;
    }

    /** Euclidean norm, every entry divided by the largest magnitude first. */
    public static double norm(Tensor t) {
        double scale = 0;
        for (double v : t.data) scale = Math.max(scale, Math.abs(v));
        if (scale == 0 || Double.isInfinite(scale)) return scale;
        double s = 0;
        for (double v : t.data) {
            double r = v / scale;
            s += r * r;
        }
        return scale * Math.sqrt(s);
    }

    /** log Σ exp(x_i), shifted by the maximum. */
    public static double logsumexp(Tensor t) {
        double m = max(t);
        if (Double.isInfinite(m)) return m;
        double s = 0;
        for (double v : t.data) s += Math.exp(v - m);
        return m + Math.log(s);
    }
}
