package hyp.runtime.complex;

import hyp.runtime.ops.ShapeMismatchException;
import java.util.Arrays;

/** Run-time shape checks of complex tensors, with the same messages as the real ones. */
final class ComplexChecks {
    private ComplexChecks() {}

    static void sameShape(String op, ComplexTensor a, ComplexTensor b) {
        if (!a.sameShape(b)) {
            throw new ShapeMismatchException(op + ": shapes " + Arrays.toString(a.shape) + " and "
                    + Arrays.toString(b.shape) + " differ");
        }
    }

    static void rank(String op, ComplexTensor a, int rank) {
        if (a.rank() != rank) {
            throw new ShapeMismatchException(op + ": expected rank " + rank + ", got shape " + Arrays.toString(a.shape));
        }
    }

    static void dimsAgree(String op, int a, int b) {
        if (a != b) throw new ShapeMismatchException(op + ": inner dimensions " + a + " and " + b + " differ");
    }
}
