package hyp.runtime.kernels;

/**
 * 2×2, stride-2 pooling over {@code planes} independent h × w planes (e.g. batch · channels of an
 * NCHW tensor). Outputs are (h/2) × (w/2), rounding down: an odd last row or column is ignored.
 * Forward passes overwrite their output; adjoints add into the input gradient.
 */
public final class Pooling {
    private Pooling() {
    }

    /** y = mean of each 2×2 window. */
    public static void avgPool2x2(double[] x, int planes, int h, int w, double[] y) {
        int oh = h / 2;
        int ow = w / 2;
        check(x.length, y.length, planes, h, w);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                int top = (p * h + 2 * i) * w;
                int out = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    int t = top + 2 * j;
                    y[out + j] = 0.25 * ((x[t] + x[t + 1]) + (x[t + w] + x[t + w + 1]));
                }
            }
        }
    }

    /** dx += dy / 4 spread over each window: the adjoint of {@link #avgPool2x2}. */
    public static void avgPool2x2Adjoint(double[] dy, int planes, int h, int w, double[] dx) {
        int oh = h / 2;
        int ow = w / 2;
        check(dx.length, dy.length, planes, h, w);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                int top = (p * h + 2 * i) * w;
                int out = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    int t = top + 2 * j;
                    double g = 0.25 * dy[out + j];
                    dx[t] += g;
                    dx[t + 1] += g;
                    dx[t + w] += g;
                    dx[t + w + 1] += g;
                }
            }
        }
    }

    /** y = max of each 2×2 window (NaN if the window holds a NaN). */
    public static void maxPool2x2(double[] x, int planes, int h, int w, double[] y) {
        int oh = h / 2;
        int ow = w / 2;
        check(x.length, y.length, planes, h, w);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                int top = (p * h + 2 * i) * w;
                int out = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    y[out + j] = x[argmax(x, top + 2 * j, w)];
                }
            }
        }
    }

    /**
     * dx[argmax] += dy for each window: the adjoint of {@link #maxPool2x2}, which needs the forward
     * input x to find each window's maximum. Ties go to the first in row-major window order.
     */
    public static void maxPool2x2Adjoint(double[] x, double[] dy, int planes, int h, int w, double[] dx) {
        int oh = h / 2;
        int ow = w / 2;
        check(x.length, dy.length, planes, h, w);
        check(dx.length, dy.length, planes, h, w);
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                int top = (p * h + 2 * i) * w;
                int out = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) {
                    dx[argmax(x, top + 2 * j, w)] += dy[out + j];
                }
            }
        }
    }

    /** Index of the largest of x[t], x[t+1], x[t+w], x[t+w+1]; a NaN wins so it propagates. */
    private static int argmax(double[] x, int t, int w) {
        int best = t;
        best = pick(x, best, t + 1);
        best = pick(x, best, t + w);
        return pick(x, best, t + w + 1);
    }

    private static int pick(double[] x, int best, int candidate) {
        double b = x[best];
        double c = x[candidate];
        return (c > b || (c != c && b == b)) ? candidate : best;
    }

    private static void check(int inLength, int outLength, int planes, int h, int w) {
        if (planes < 0 || h < 0 || w < 0 || inLength < (long) planes * h * w
                || outLength < (long) planes * (h / 2) * (w / 2)) {
            throw new IllegalArgumentException("Pooling: " + planes + " planes of " + h + "x" + w
                    + " do not fit arrays of length " + inLength + " and " + outLength);
        }
    }
}
