package hyp.runtime.hyper;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dense reference for {@link Implicit}, for small w: builds H + μI column by column from n Hessian-vector
 * products, solves with an LU decomposition (EJML), then applies the same formula
 * ∇_λ = −(∂²L_tr/∂λ∂w)·x + ∇_λ L_te. It does not require H to be positive definite, only non-singular,
 * so it also serves to check what CG refuses.
 */
public final class DenseImplicit {
    /** Below this ratio min|u_ii| / max|u_ii| of the LU factor U the system is reported as singular. */
    private static final double SINGULAR_RATIO = 1e-14;

    private DenseImplicit() {}

    /** The hypergradient at {@code w} (taken as w*) and λ, with damping μ ≥ 0. */
    public static Hypergradient compute(InnerObjective f, double[] w, double[] hyper, double damping) {
        int n = f.paramSize();
        Vectors.requireLength(w, n, "w");
        Vectors.requireLength(hyper, f.hyperSize(), "hyper");
        double value = f.outerLoss(w, hyper);
        Vectors.requireFinite(value, "outer loss", "DenseImplicit");
        double[] wBar = new double[n];
        double[] hyperBar = new double[f.hyperSize()];
        f.outerGradient(w, hyper, wBar, hyperBar);

        DMatrixRMaj h = hessian(f, w, hyper, damping);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        double ratio = solver.setA(h) ? pivotRatio(solver) : 0;
        if (!(ratio > SINGULAR_RATIO)) {
            throw new HypergradientException("DenseImplicit: Hessian + " + damping
                    + "·I is singular or nearly so (smallest/largest LU pivot " + ratio + ")");
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        b.setData(wBar.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(b, x);
        double[] minusX = new double[n];
        for (int i = 0; i < n; i++) minusX[i] = -x.get(i, 0);
        Vectors.requireFinite(minusX, "solution x", "DenseImplicit");
        f.mixedVjp(w, hyper, minusX, hyperBar);
        Vectors.requireFinite(hyperBar, "hypergradient", "DenseImplicit");
        return new Hypergradient(value, hyperBar, Memory.NONE, new Work(0, 0, n, 0));
    }

    private static double pivotRatio(LinearSolverDense<DMatrixRMaj> solver) {
        LUDecomposition<DMatrixRMaj> lu = solver.getDecomposition();
        DMatrixRMaj u = lu.getUpper(null);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < u.numRows; i++) {
            double a = Math.abs(u.get(i, i));
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        return max == 0 ? 0 : min / max;
    }

    /** H + μI from n Hessian-vector products with the unit vectors. */
    static DMatrixRMaj hessian(InnerObjective f, double[] w, double[] hyper, double damping) {
        int n = f.paramSize();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            f.hessianVector(w, hyper, e, column);
            e[j] = 0;
            for (int i = 0; i < n; i++) h.set(i, j, column[i] + (i == j ? damping : 0));
        }
        Vectors.requireFinite(h.getData(), "Hessian entry", "DenseImplicit");
        return h;
    }
}
