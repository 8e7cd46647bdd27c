package hyp.runtime.ops;

import hyp.runtime.Tensor;

/**
 * The plain scalar loops of the element-wise {@link TensorMath} ops that now run on SIMD kernels: the baseline of
 * the benchmarks (see {@link ReferenceMode}) and an independent oracle for tests. Shapes are checked by the
 * callers. The transcendental ops were scalar loops before and still are, so they have no copy here.
 */
public final class ReferenceTensorMath {
    private ReferenceTensorMath() {}

    public static Tensor add(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = a + b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor add(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = a + b;
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor add(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = a + b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor sub(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = a - b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor sub(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = a - b;
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor sub(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = a - b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor mul(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = a * b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor mul(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = a * b;
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor mul(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = a * b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor div(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = a / b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor div(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = a / b;
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor div(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = a / b;
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor max(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = Math.max(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor max(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = Math.max(a, b);
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor max(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = Math.max(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor min(Tensor x, Tensor y) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = Math.min(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor min(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = Math.min(a, b);
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor min(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = Math.min(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor neg(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = -x;
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor sqrt(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.sqrt(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor abs(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.abs(x);
        }
        return new Tensor(r, t.shape.clone());
    }
}
