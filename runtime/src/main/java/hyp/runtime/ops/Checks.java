package hyp.runtime.ops;

import hyp.runtime.Tensor;
import java.util.Arrays;

/** Run-time shape checks with messages that name the operation and both shapes. */
final class Checks {
    private Checks() {}

    static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            throw new ShapeMismatchException(op + ": shapes " + Arrays.toString(a.shape) + " and "
                    + Arrays.toString(b.shape) + " differ");
        }
    }

    static void rank(String op, Tensor a, int rank) {
        if (a.rank() != rank) {
            throw new ShapeMismatchException(op + ": expected rank " + rank + ", got shape " + Arrays.toString(a.shape));
        }
    }

    static void dimsAgree(String op, int a, int b) {
        if (a != b) throw new ShapeMismatchException(op + ": inner dimensions " + a + " and " + b + " differ");
    }
}
