package hyp.compiler.types;

/** A shape or type rule was broken; the checker attaches the source location. */
public final class ShapeError extends Exception {
    public ShapeError(String message) {
        super(message, null, false, false);
    }
}
