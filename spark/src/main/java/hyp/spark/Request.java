package hyp.spark;

import java.io.Serializable;

/**
 * One aggregation's question to every partition, broadcast for the job: the value and gradient of the training
 * loss at (w, λ), or its Hessian-vector product H·v and mixed product (∂²L/∂λ∂w)·v. {@code batch} (ascending
 * global row numbers) restricts it to a minibatch's rows, null meaning all rows; {@code firstRows} then gives
 * each partition's first global row.
 */
record Request(Kind kind, double[] w, double[] hyper, double[] v, int[] batch, long[] firstRows) implements Serializable {
    enum Kind {
        /** [L, ∇_w L]. */
        VALUE_GRADIENT,
        /** [H·v]. */
        HESSIAN_VECTOR,
        /** [(∂²L/∂λ∂w)·v]. */
        MIXED
    }
}
