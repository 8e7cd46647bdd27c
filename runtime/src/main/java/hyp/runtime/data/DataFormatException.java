package hyp.runtime.data;

import java.io.IOException;

/**
 * A data file that cannot be read as numbers: the message reads {@code file:line:col: problem}, with
 * the line and column left out where they do not apply (an empty file, a corrupt gzip stream).
 *
 * <p>It is an {@link IOException} because it is a fault of the input, met while reading it; callers
 * that want to tell it apart from a missing file catch it first.
 */
public final class DataFormatException extends IOException {
    private final String source;
    private final long line;
    private final int column;
    private final String problem;

    /**
     * @param source the file name as the user gave it
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param column 1-based character column, or 0 when the problem concerns the whole line
     * @param problem what is wrong and what was expected
     */
    public DataFormatException(String source, long line, int column, String problem) {
        super(location(source, line, column) + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 if it concerns the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based character column of the problem, or 0 if it concerns a whole line or file. */
    public int column() {
        return column;
    }

    /** The message without its location. */
    public String problem() {
        return problem;
    }

    private static String location(String source, long line, int column) {
        if (line <= 0) {
            return source;
        }
        return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }
}
