package hyp.runtime.ops;

/** Tensors met at run time whose sizes disagree (symbolic dimensions bound to different sizes). */
public final class ShapeMismatchException extends RuntimeException {
    private final boolean explained;

    public ShapeMismatchException(String message) {
        super(message);
        this.explained = false;
    }

    /** {@code cause}'s message extended by {@link ArgumentShapes} with the argument at fault. */
    ShapeMismatchException(String message, ShapeMismatchException cause) {
        super(message, cause);
        this.explained = true;
    }

    /** Whether the message already names the argument at fault. */
    boolean explained() {
        return explained;
    }
}
