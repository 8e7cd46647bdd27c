package hyp.runtime.ops;

import hyp.runtime.Tensor;

/**
 * What the compiler's fused element-wise loops call around their loop: the shape checks the unfused ops would
 * have made (with the same messages), and the result tensor. The loop itself is generated code.
 */
public final class FusedLoops {
    private FusedLoops() {}

    /**
     * Throws the {@link ShapeMismatchException} the element-wise op {@code op} throws when its tensor operands
     * differ in shape.
     */
    public static void sameShape(String op, Tensor a, Tensor b) {
        Checks.sameShape(op, a, b);
    }

    /** A zero tensor with the shape of {@code like}, for the loop to fill. */
    public static Tensor output(Tensor like) {
        return new Tensor(new double[like.data.length], like.shape);
    }
}
