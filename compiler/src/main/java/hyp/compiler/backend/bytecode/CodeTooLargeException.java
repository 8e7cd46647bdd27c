package hyp.compiler.backend.bytecode;

/**
 * A limit of the JVM, not a bug: a function whose code exceeds what one method may hold (64 KB of bytecode,
 * 65,535 local slots), as very long sums, very deep expressions or much inlining produce. Names the function so
 * the command line can point at the def it came from.
 */
public final class CodeTooLargeException extends RuntimeException {
    private final String function;

    CodeTooLargeException(String function, String what, Throwable cause) {
        super("function " + function + " is too large for one JVM method (" + what + ")", cause, false, false);
        this.function = function;
    }

    /** The IR function's name: a def's name, or it with a suffix such as {@code _vjp}. */
    public String function() {
        return function;
    }
}
