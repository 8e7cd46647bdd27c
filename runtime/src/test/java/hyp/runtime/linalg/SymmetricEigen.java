package hyp.runtime.linalg;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigen-decomposition of a symmetric matrix, delegated to EJML's symmetric QR algorithm. */
public final class SymmetricEigen {
    /**
     * Eigenvalues in ascending order and, as the columns of a row-major n × n matrix, the matching
     * orthonormal eigenvectors.
     */
    public record Result(double[] values, double[] vectors) {
    }

    private SymmetricEigen() {
    }

    /** The eigenvalues of symmetric A (row-major n × n), ascending. */
    public static double[] values(double[] a, int n) {
        return decompose(a, n, false).values();
    }

    /** Eigenvalues (ascending) and eigenvectors of symmetric A. */
    public static Result decompose(double[] a, int n) {
        return decompose(a, n, true);
    }

    private static Result decompose(double[] a, int n, boolean wantVectors) {
        DMatrixRMaj matrix = Matrices.square("SymmetricEigen", a, n);
        Matrices.requireSymmetric("SymmetricEigen", a, n);
        if (n == 0) {
            return new Result(new double[0], new double[0]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, wantVectors, true);
        if (!eig.decompose(matrix)) {
            throw new ArithmeticException("SymmetricEigen: QR iteration did not converge for the "
                    + n + "x" + n + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[n];
        double[] vectors = wantVectors ? new double[n * n] : null;
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            if (wantVectors) {
                DMatrixRMaj v = eig.getEigenVector(order[c]);
                for (int r = 0; r < n; r++) {
                    vectors[r * n + c] = v.get(r, 0);
                }
            }
        }
        return new Result(values, vectors);
    }
}
