package hyp.runtime.ops;

import hyp.runtime.Tensor;

/** Reductions of a whole tensor to a scalar. */
public final class Reductions {
    private Reductions() {}

    public static double sum(Tensor t) {
        double s = 0;
        for (double v : t.data) s += v;
        return s;
    }

    public static double mean(Tensor t) {
        return sum(t) / t.data.length;
    }

    public static double max(Tensor t) {
        if (t.data.length == 0) throw new ShapeMismatchException("max of an empty tensor");
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t.data) m = Math.max(m, v);
        return m;
    }

    /** Euclidean norm, scaled so that squares of large or tiny entries neither overflow nor underflow. */
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

    /** log Σ exp(x_i), shifted by the maximum so no term overflows. */
    public static double logsumexp(Tensor t) {
        double m = max(t);
        if (Double.isInfinite(m)) return m;
        double s = 0;
        for (double v : t.data) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    /** Number of elements, for means and their derivatives. */
    public static int size(Tensor t) {
        return t.data.length;
    }

    public static int dim(Tensor t, int axis) {
        return t.shape[axis];
    }
}
