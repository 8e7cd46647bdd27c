package hyp.runtime.linalg;

import org.ejml.data.DMatrixRMaj;

/** Checks and copies shared by the EJML wrappers. */
final class Matrices {
    private Matrices() {
    }

    /** A fresh EJML copy of the n × n row-major matrix {@code a}. */
    static DMatrixRMaj square(String where, double[] a, int n) {
        if (n < 0 || a.length != (long) n * n) {
            throw new IllegalArgumentException(where + ": expected an " + n + "x" + n + " matrix ("
                    + (long) n * n + " elements) but got " + a.length);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(where + ": matrix has non-finite entries");
            }
        }
        return new DMatrixRMaj(n, n, true, a);
    }

    /** Rejects a matrix whose asymmetry exceeds rounding of its largest entry. */
    static void requireSymmetric(String where, double[] a, int n) {
        double largest = 0.0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        double tol = 1e-12 * largest;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i * n + j] - a[j * n + i]) > tol) {
                    throw new IllegalArgumentException(where + ": matrix is not symmetric (A[" + i + "," + j
                            + "] = " + a[i * n + j] + ", A[" + j + "," + i + "] = " + a[j * n + i] + ")");
                }
            }
        }
    }
}
