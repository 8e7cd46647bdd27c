package hyp.smile;

import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import smile.math.matrix.Matrix;

/**
 * Smile matrices as hyp tensors and back, so data already in memory as a {@link Matrix} binds to a solver
 * without a CSV file:
 *
 * <pre>{@code
 * Solver s = SmileTensors.data(Solver.load("hyp.generated.Logreg"), "X", x);  // x: a Smile Matrix, n × d
 * }</pre>
 *
 * Entries are copied (Smile stores column-major, hyp row-major); only {@link Matrix#get} and {@link Matrix#set}
 * are used, never Smile's BLAS.
 */
public final class SmileTensors {
    private SmileTensors() {}

    /** The matrix as a tensor of shape [rows, columns], row-major. */
    public static Tensor tensor(Matrix m) {
        int rows = m.nrow(), cols = m.ncol();
        double[] data = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) data[i * cols + j] = m.get(i, j);
        }
        return new Tensor(data, rows, cols);
    }

    /** A vector as a tensor of shape [n] (copied). */
    public static Tensor tensor(double[] vector) {
        return new Tensor(vector.clone(), vector.length);
    }

    /**
     * A rank-2 tensor (e.g. a tuned hyperparameter from {@link Solver#named}) as a Smile matrix.
     *
     * @throws IllegalArgumentException for a tensor of another rank
     */
    public static Matrix matrix(Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException("a Smile matrix needs a tensor of rank 2, not shape "
                    + java.util.Arrays.toString(t.shape));
        }
        int rows = t.shape[0], cols = t.shape[1];
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) m.set(i, j, t.data[i * cols + j]);
        }
        return m;
    }

    /** Binds data {@code name} of {@code solver} to the matrix; see {@link Solver#data(String, Tensor)}. */
    public static Solver data(Solver solver, String name, Matrix m) {
        return solver.data(name, tensor(m));
    }

    /** Binds data {@code name} of {@code solver} to the vector (e.g. labels). */
    public static Solver data(Solver solver, String name, double[] vector) {
        return solver.data(name, tensor(vector));
    }
}
