package hyp.spark;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The driver's inner optimizer for implicit differentiation: L-BFGS (memory m, two-loop recursion) with a
 * backtracking Armijo line search, as Spark MLlib trains on distributed gradients. Each evaluation is one
 * aggregation of value and gradient. Only the optimum matters to the implicit hypergradient, so the file's own
 * optimizer (whose generated step reads the whole gradient itself) is not needed here.
 */
final class Lbfgs {
    /** Value and gradient at w: returns the value, writes the gradient. */
    interface Function {
        double valueAndGradient(double[] w, double[] gradient);
    }

    /** The run's end: the iterate, its gradient norm, iterations, evaluations. */
    record Result(double[] w, double gradientNorm, int iterations, int evaluations) {}

    private Lbfgs() {}

    static Result minimize(Function f, double[] start, double tolerance, int maxIterations, int memory) {
        int n = start.length;
        double[] w = start.clone(), g = new double[n], wNew = new double[n], gNew = new double[n], d = new double[n];
        double value = f.valueAndGradient(w, g);
        int evaluations = 1;
        Deque<double[][]> pairs = new ArrayDeque<>();
        int it = 0;
        while (norm(g) > tolerance && it < maxIterations) {
            direction(g, pairs, d);
            double slope = dot(g, d);
            if (slope >= 0) {
                pairs.clear();
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = -dot(g, g);
            }
            double step = it == 0 && pairs.isEmpty() ? Math.min(1.0, 1.0 / norm(g)) : 1.0;
            double next;
            while (true) {
                for (int i = 0; i < n; i++) wNew[i] = w[i] + step * d[i];
                next = f.valueAndGradient(wNew, gNew);
                evaluations++;
                if (next <= value + 1e-4 * step * slope || step < 1e-20) break;
                step *= 0.5;
            }
            double[] s = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = wNew[i] - w[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12 * norm(s) * norm(y)) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) pairs.removeFirst();
            }
            System.arraycopy(wNew, 0, w, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            if (next == value && step < 1e-20) break;
            value = next;
            it++;
        }
        return new Result(w, norm(g), it, evaluations);
    }

    /** d = −H g by the two-loop recursion over the stored (s, y) pairs. */
    private static void direction(double[] g, Deque<double[][]> pairs, double[] d) {
        int n = g.length;
        for (int i = 0; i < n; i++) d[i] = -g[i];
        double[] alpha = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (var it = pairs.descendingIterator(); it.hasNext(); k--) {
            double[][] p = it.next();
            alpha[k] = dot(p[0], d) / dot(p[1], p[0]);
            for (int i = 0; i < n; i++) d[i] -= alpha[k] * p[1][i];
        }
        if (!pairs.isEmpty()) {
            double[][] last = pairs.peekLast();
            double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
            for (int i = 0; i < n; i++) d[i] *= gamma;
        }
        k = 0;
        for (double[][] p : pairs) {
            double beta = dot(p[1], d) / dot(p[1], p[0]);
            for (int i = 0; i < n; i++) d[i] += (alpha[k] - beta) * p[0][i];
            k++;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
