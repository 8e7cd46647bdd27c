package hyp.compiler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the hyp command in process, as the command-line tests do, and keeps what it printed. */
final class CliRun {
    private CliRun() {}

    /** An exit code with the text written to standard output and standard error. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
