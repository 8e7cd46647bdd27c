package hyp.compiler.diag;

/** The command was used wrongly (bad value, missing input, unknown def): a one-line message and exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
