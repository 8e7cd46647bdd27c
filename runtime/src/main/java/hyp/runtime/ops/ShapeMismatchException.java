package hyp.runtime.ops;

/** Tensors met at run time whose sizes disagree (symbolic dimensions bound to different sizes). */
public final class ShapeMismatchException extends RuntimeException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
