package hyp.runtime.hyper;

import java.util.Arrays;
import java.util.Random;

/**
 * Ridge regression with one L2 weight per feature, the tests' bilevel problem with closed forms:
 * L_tr(w, λ) = ½‖Xw − y‖² + ½ Σ exp(λ_i) w_i²,  L_te(w, λ) = ½‖X_v w − y_v‖² + ½κ‖λ‖².
 * The κ term gives L_te a direct dependence on λ, so the ∇_λ L_te path is exercised too.
 */
final class RidgeProblem {
    final int n;
    final int d;
    final int m;
    final double[][] x;
    final double[] y;
    final double[][] xv;
    final double[] yv;
    final double kappa;

    private RidgeProblem(double[][] x, double[] y, double[][] xv, double[] yv, double kappa) {
        this.n = x.length;
        this.d = x[0].length;
        this.m = xv.length;
        this.x = x;
        this.y = y;
        this.xv = xv;
        this.yv = yv;
        this.kappa = kappa;
    }

    /** Data from y = X w_true + noise with a sparse w_true, so that some features are pure noise. */
    static RidgeProblem random(long seed, int n, int d, int m, double noise, double kappa) {
        Random rnd = new Random(seed);
        double[] wTrue = new double[d];
        for (int j = 0; j < d; j++) wTrue[j] = (j % 3 == 0) ? 2 * rnd.nextGaussian() : 0;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        double[][] xv = new double[m][d];
        double[] yv = new double[m];
        fill(rnd, x, y, wTrue, noise);
        fill(rnd, xv, yv, wTrue, noise);
        return new RidgeProblem(x, y, xv, yv, kappa);
    }

    private static void fill(Random rnd, double[][] a, double[] b, double[] wTrue, double noise) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < wTrue.length; j++) {
                a[i][j] = rnd.nextGaussian();
                s += a[i][j] * wTrue[j];
            }
            b[i] = s + noise * rnd.nextGaussian();
        }
    }

    /** ‖X‖_F² + maxExp bounds the training Hessian's largest eigenvalue while exp(λ_i) ≤ maxExp. */
    double curvatureBound(double maxExp) {
        double s = 0;
        for (double[] row : x) for (double v : row) s += v * v;
        return s + maxExp;
    }

    /** out = ∇_w L_tr = Xᵀ(Xw − y) + exp(λ)⊙w; {@code residual} is scratch of length n. */
    void trainGradient(double[] w, double[] hyper, double[] residual, double[] out) {
        multiply(x, w, residual);
        for (int i = 0; i < n; i++) residual[i] -= y[i];
        multiplyTransposed(x, residual, out);
        for (int j = 0; j < d; j++) out[j] += Math.exp(hyper[j]) * w[j];
    }

    /** out = (XᵀX + diag exp(λ)) v; {@code scratch} has length n. */
    void hessianVector(double[] hyper, double[] v, double[] scratch, double[] out) {
        multiply(x, v, scratch);
        multiplyTransposed(x, scratch, out);
        for (int j = 0; j < d; j++) out[j] += Math.exp(hyper[j]) * v[j];
    }

    double validationLoss(double[] w, double[] hyper) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            double r = -yv[i];
            for (int j = 0; j < d; j++) r += xv[i][j] * w[j];
            s += r * r;
        }
        double reg = 0;
        for (double l : hyper) reg += l * l;
        return 0.5 * s + 0.5 * kappa * reg;
    }

    /** out = ∇_w L_te = X_vᵀ(X_v w − y_v). */
    void validationGradient(double[] w, double[] out) {
        double[] r = new double[m];
        multiply(xv, w, r);
        for (int i = 0; i < m; i++) r[i] -= yv[i];
        multiplyTransposed(xv, r, out);
    }

    double[][] trainHessian(double[] hyper) {
        double[][] a = new double[d][d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += x[i][j] * x[i][k];
                a[j][k] = s;
            }
            a[j][j] += Math.exp(hyper[j]);
        }
        return a;
    }

    /** w*(λ) = (XᵀX + diag exp(λ))⁻¹ Xᵀy. */
    double[] exactArgmin(double[] hyper) {
        double[] rhs = new double[d];
        multiplyTransposed(x, y, rhs);
        return DenseSolve.solve(trainHessian(hyper), rhs);
    }

    double exactValidationLoss(double[] hyper) {
        return validationLoss(exactArgmin(hyper), hyper);
    }

    /**
     * d/dλ L_te(w*(λ), λ), differentiated by hand: A(λ) w* = Xᵀy gives A d(w*)/dλ_i = −exp(λ_i) w*_i e_i, so
     * dL/dλ_i = −exp(λ_i) w*_i (A⁻¹ ∇_w L_te)_i + κ λ_i.
     */
    double[] closedFormHypergradient(double[] hyper) {
        double[] w = exactArgmin(hyper);
        double[] g = new double[d];
        validationGradient(w, g);
        double[] z = DenseSolve.solve(trainHessian(hyper), g);
        double[] out = new double[d];
        for (int i = 0; i < d; i++) out[i] = -Math.exp(hyper[i]) * w[i] * z[i] + kappa * hyper[i];
        return out;
    }

    static void multiply(double[][] a, double[] v, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a[i].length; j++) s += a[i][j] * v[j];   // v may be a longer state
            out[i] = s;
        }
    }

    static void multiplyTransposed(double[][] a, double[] v, double[] out) {
        Arrays.fill(out, 0);
        for (int i = 0; i < a.length; i++) for (int j = 0; j < out.length; j++) out[j] += a[i][j] * v[i];
    }
}
