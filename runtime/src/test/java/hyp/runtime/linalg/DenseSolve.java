package hyp.runtime.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dense linear solves on row-major {@code double[]} matrices, delegated to EJML. Inputs are never
 * modified. The right-hand side {@code b} holds one vector (length n) or several as the columns of
 * a row-major n × r matrix; the solution has the same layout.
 */
public final class DenseSolve {
    private DenseSolve() {
    }

    /**
     * Solves A x = b for symmetric positive definite A by Cholesky factorisation.
     *
     * @throws ArithmeticException naming "not positive definite" if the factorisation fails
     * @throws IllegalArgumentException if A is not symmetric or the sizes do not fit
     */
    public static double[] cholesky(double[] a, int n, double[] b) {
        DMatrixRMaj matrix = Matrices.square("DenseSolve.cholesky", a, n);
        Matrices.requireSymmetric("DenseSolve.cholesky", a, n);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(matrix)) {
            throw new ArithmeticException("DenseSolve.cholesky: matrix (" + n + "x" + n
                    + ") is not positive definite");
        }
        return solve("DenseSolve.cholesky", solver, n, b);
    }

    /**
     * Solves A x = b for a general square A by LU factorisation with partial pivoting.
     *
     * @throws ArithmeticException naming "singular" if a pivot is zero or negligible relative to
     *     the largest one (n·ε), i.e. A is singular to working precision
     */
    public static double[] lu(double[] a, int n, double[] b) {
        DMatrixRMaj matrix = Matrices.square("DenseSolve.lu", a, n);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(matrix) || singular(solver.getDecomposition(), n)) {
            throw new ArithmeticException("DenseSolve.lu: matrix (" + n + "x" + n
                    + ") is singular to working precision");
        }
        return solve("DenseSolve.lu", solver, n, b);
    }

    /** The 2-norm condition number σ_max / σ_min (∞ for a singular matrix), from an SVD. */
    public static double conditionNumber(double[] a, int n) {
        DMatrixRMaj matrix = Matrices.square("DenseSolve.conditionNumber", a, n);
        if (n == 0) {
            return 1.0;
        }
        double k = NormOps_DDRM.conditionP2(matrix);
        if (Double.isNaN(k)) {
            throw new ArithmeticException("DenseSolve.conditionNumber: SVD of the " + n + "x" + n
                    + " matrix produced NaN (non-finite entries?)");
        }
        return k;
    }

    private static boolean singular(LUDecomposition_F64<DMatrixRMaj> lu, int n) {
        DMatrixRMaj upper = lu.getUpper(null);
        double largest = 0.0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(upper.get(i, i));
            largest = Math.max(largest, d);
            smallest = Math.min(smallest, d);
        }
        return !(smallest > n * Math.ulp(1.0) * largest); // also true for NaN pivots
    }

    private static double[] solve(String where, LinearSolverDense<DMatrixRMaj> solver, int n, double[] b) {
        if (n == 0 ? b.length != 0 : b.length % n != 0) {
            throw new IllegalArgumentException(where + ": right-hand side of length " + b.length
                    + " is not n x r for n = " + n);
        }
        int r = n == 0 ? 0 : b.length / n;
        DMatrixRMaj rhs = new DMatrixRMaj(n, r);
        System.arraycopy(b, 0, rhs.data, 0, b.length);
        DMatrixRMaj x = new DMatrixRMaj(n, r);
        solver.solve(rhs, x);
        for (double v : x.data) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(where + ": solution has non-finite entries");
            }
        }
        return x.data.length == b.length ? x.data : java.util.Arrays.copyOf(x.data, b.length);
    }
}
