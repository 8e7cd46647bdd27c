package hyp.runtime.kernels;

/**
 * Row-wise softmax, log-softmax and cross-entropy on a row-major (rows × classes) array of logits,
 * all shifted by each row's maximum so that no exponential overflows. Forward maps overwrite their
 * output; adjoints and gradients add into theirs.
 */
public final class Softmax {
    private Softmax() {
    }

    /** out[r] = exp(x[r] − max) / Σ exp(x[r] − max) for each row r. */
    public static void softmax(double[] x, int rows, int classes, double[] out) {
        check(x.length, out.length, rows, classes);
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double m = Blas1.max(x, o, classes);
            double s = 0.0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(x[o + j] - m);
                out[o + j] = e;
                s += e;
            }
            for (int j = 0; j < classes; j++) {
                out[o + j] /= s;
            }
        }
    }

    /** out[r] = x[r] − max − log Σ exp(x[r] − max) for each row r. */
    public static void logSoftmax(double[] x, int rows, int classes, double[] out) {
        check(x.length, out.length, rows, classes);
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double shift = Blas1.logSumExp(x, o, classes);
            for (int j = 0; j < classes; j++) {
                out[o + j] = x[o + j] - shift;
            }
        }
    }

    /** dx += s ⊙ (dy − ⟨dy, s⟩) per row, given the softmax output s: the adjoint of {@link #softmax}. */
    public static void softmaxAdjoint(double[] s, double[] dy, int rows, int classes, double[] dx) {
        check(s.length, dy.length, rows, classes);
        check(s.length, dx.length, rows, classes);
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double inner = Blas1.dot(dy, o, s, o, classes);
            for (int j = 0; j < classes; j++) {
                dx[o + j] += s[o + j] * (dy[o + j] - inner);
            }
        }
    }

    /** dx += dy − exp(ls)·Σ dy per row, given the log-softmax output ls: the adjoint of {@link #logSoftmax}. */
    public static void logSoftmaxAdjoint(double[] ls, double[] dy, int rows, int classes, double[] dx) {
        check(ls.length, dy.length, rows, classes);
        check(ls.length, dx.length, rows, classes);
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double total = Blas1.sum(dy, o, classes);
            for (int j = 0; j < classes; j++) {
                dx[o + j] += dy[o + j] - Math.exp(ls[o + j]) * total;
            }
        }
    }

    /** Mean over rows of −log softmax(x[r])[labels[r]]. */
    public static double crossEntropy(double[] logits, int rows, int classes, int[] labels) {
        check(logits.length, logits.length, rows, classes);
        nonEmpty(rows);
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            total += Blas1.logSumExp(logits, o, classes) - logits[o + label(labels, r, classes)];
        }
        return finite(total / rows);
    }

    /**
     * dx += seed · (softmax(x[r]) − onehot(labels[r])) / rows: the gradient of
     * {@link #crossEntropy(double[], int, int, int[])}.
     */
    public static void crossEntropyGrad(double[] logits, int rows, int classes, int[] labels,
                                        double seed, double[] dx) {
        check(logits.length, dx.length, rows, classes);
        double g = seed / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double shift = Blas1.logSumExp(logits, o, classes);
            for (int j = 0; j < classes; j++) {
                dx[o + j] += g * Math.exp(logits[o + j] - shift);
            }
            dx[o + label(labels, r, classes)] -= g;
        }
    }

    /** Mean over rows of −Σ_j t[r, j]·log softmax(x[r])[j] for target distributions (e.g. one-hot) t. */
    public static double crossEntropy(double[] logits, int rows, int classes, double[] targets) {
        check(logits.length, targets.length, rows, classes);
        nonEmpty(rows);
        double total = 0.0;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double shift = Blas1.logSumExp(logits, o, classes);
            for (int j = 0; j < classes; j++) {
                if (targets[o + j] != 0.0) { // 0·log p is 0 even where p underflows
                    total -= targets[o + j] * (logits[o + j] - shift);
                }
            }
        }
        return finite(total / rows);
    }

    /** dx += seed · (softmax(x[r])·Σ_j t[r, j] − t[r]) / rows: the gradient of the target form. */
    public static void crossEntropyGrad(double[] logits, int rows, int classes, double[] targets,
                                        double seed, double[] dx) {
        check(logits.length, targets.length, rows, classes);
        check(logits.length, dx.length, rows, classes);
        double g = seed / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double shift = Blas1.logSumExp(logits, o, classes);
            double mass = Blas1.sum(targets, o, classes);
            for (int j = 0; j < classes; j++) {
                dx[o + j] += g * (mass * Math.exp(logits[o + j] - shift) - targets[o + j]);
            }
        }
    }

    private static int label(int[] labels, int r, int classes) {
        int y = labels[r];
        if (y < 0 || y >= classes) {
            throw new IllegalArgumentException("Softmax.crossEntropy: label " + y + " of row " + r
                    + " is outside [0, " + classes + ")");
        }
        return y;
    }

    private static void nonEmpty(int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("Softmax.crossEntropy: the mean over 0 rows is undefined");
        }
    }

    private static double finite(double loss) {
        if (Double.isNaN(loss)) {
            throw new ArithmeticException("Softmax.crossEntropy: loss is NaN (non-finite logits)");
        }
        return loss;
    }

    private static void check(int aLength, int bLength, int rows, int classes) {
        long need = (long) rows * classes;
        if (rows < 0 || classes < 1 || aLength < need || bLength < need) {
            throw new IllegalArgumentException("Softmax: " + rows + " rows of " + classes
                    + " classes do not fit arrays of length " + aLength + " and " + bLength);
        }
    }
}
