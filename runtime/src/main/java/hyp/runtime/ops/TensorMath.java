package hyp.runtime.ops;

import hyp.runtime.Tensor;

/**
 * Element-wise arithmetic on tensors, with a scalar broadcast over a tensor on either side.
 * Every result is a new tensor; inputs are never changed.
 */
public final class TensorMath {
    private TensorMath() {}

    public static Tensor add(Tensor x, Tensor y) {
        Checks.sameShape("add", x, y);
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
        Checks.sameShape("sub", x, y);
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
        Checks.sameShape("mul", x, y);
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
        Checks.sameShape("div", x, y);
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

    public static Tensor pow(Tensor x, Tensor y) {
        Checks.sameShape("pow", x, y);
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = Scalars.pow(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor pow(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = Scalars.pow(a, b);
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor pow(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = Scalars.pow(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor max(Tensor x, Tensor y) {
        Checks.sameShape("max", x, y);
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
        Checks.sameShape("min", x, y);
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

    public static Tensor geMask(Tensor x, Tensor y) {
        Checks.sameShape("geMask", x, y);
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = Scalars.geMask(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor geMask(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = Scalars.geMask(a, b);
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor geMask(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = Scalars.geMask(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor leMask(Tensor x, Tensor y) {
        Checks.sameShape("leMask", x, y);
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i], b = y.data[i];
            r[i] = Scalars.leMask(a, b);
        }
        return new Tensor(r, x.shape.clone());
    }

    public static Tensor leMask(double a, Tensor y) {
        double[] r = new double[y.data.length];
        for (int i = 0; i < r.length; i++) {
            double b = y.data[i];
            r[i] = Scalars.leMask(a, b);
        }
        return new Tensor(r, y.shape.clone());
    }

    public static Tensor leMask(Tensor x, double b) {
        double[] r = new double[x.data.length];
        for (int i = 0; i < r.length; i++) {
            double a = x.data[i];
            r[i] = Scalars.leMask(a, b);
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

    public static Tensor exp(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.exp(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor log(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.log(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor log1p(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.log1p(x);
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

    public static Tensor tanh(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Math.tanh(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor sigmoid(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Scalars.sigmoid(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor softplus(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Scalars.softplus(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor relu(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Scalars.relu(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor step(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Scalars.step(x);
        }
        return new Tensor(r, t.shape.clone());
    }

    public static Tensor sign(Tensor t) {
        double[] r = new double[t.data.length];
        for (int i = 0; i < r.length; i++) {
            double x = t.data[i];
            r[i] = Scalars.sign(x);
        }
        return new Tensor(r, t.shape.clone());
    }
}
