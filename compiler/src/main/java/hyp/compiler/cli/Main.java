package hyp.compiler.cli;

import hyp.compiler.backend.bytecode.CodeTooLargeException;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.diag.UsageException;
import hyp.runtime.kernels.Parallel;
import hyp.runtime.ops.LoopTrips;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hyp} command. Exit codes: 0 done, 1 a check failed, 2 bad input (with a message), 3 internal error. */
@Command(name = "hyp", mixinStandardHelpOptions = true, version = "hyp 0.1.0",
        description = "Compiles .hyp files: losses, data, parameters, hyperparameters and optimizers, "
                + "to JVM code that evaluates them and their derivatives.",
        subcommands = {EvalCommand.class, CompileCommand.class, GraphCommand.class, CheckCommand.class, HypergradCommand.class, TuneCommand.class, TrainCommand.class, ChainCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (eval, compile, graph)");
    }

    /**
     * Stack for the thread that runs a command. The compiler's passes recurse over the program's nesting; a
     * deep stack lets programs nested thousands of levels deep compile (it is reserved, and used only as deep
     * programs touch it), and what nests deeper still ends as a message, not a trace.
     */
    static final long STACK_BYTES = 1L << 30;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; all output goes to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String threads = Parallel.environmentProblem();
        if (threads != null) {
            err.println("hyp: " + threads);
            return BAD_INPUT;
        }
        int[] code = {INTERNAL};
        Thread worker = new Thread(null, () -> code[0] = runHere(args, out, err), "hyp", STACK_BYTES);
        worker.start();
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                worker.interrupt();
            }
        }
        out.flush();
        err.flush();
        return code[0];
    }

    private static int runHere(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return execute(args, out, err);
        } catch (Throwable t) {
            return reportError(t, err);
        } finally {
            LoopTrips.setLimit(LoopTrips.DEFAULT_LIMIT); // --max-trips is one run's
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("hyp: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try 'hyp " + (ex.getCommandLine().getCommandName().equals("hyp") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, err));
        return cli.execute(args);
    }

    /**
     * Errors that escape a command: running out of memory or stack is a limit of this run, said with what ran out
     * and what to do; anything else is an internal error, still without a trace.
     */
    public static int reportError(Throwable t, PrintWriter err) {
        if (t instanceof Exception ex) return report(ex, err);
        if (t instanceof ExceptionInInitializerError init && init.getCause() instanceof Exception ex) return report(ex, err);
        if (t instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            err.println("hyp: out of memory: the run needed more than the JVM's heap of " + mb + " MB ("
                    + t.getMessage() + "). Store fewer states (--method tree or binomial:S instead of unrolled), run "
                    + "fewer steps or loop trips, or give the JVM more heap: HYP_JAVA_OPTS=-Xmx8g hyp ...");
            return BAD_INPUT;
        }
        if (t instanceof StackOverflowError) {
            err.println("hyp: the program nests too deeply: the compiler ran out of stack (" + (STACK_BYTES >> 20)
                    + " MB) following it. Split the deepest expression, if-chain or loop nest into smaller defs");
            return BAD_INPUT;
        }
        err.println("internal error: " + t);
        err.println("This is a bug in hyp, not in your program. Please report it with the .hyp file.");
        return INTERNAL;
    }

    /**
     * {@code file.hyp:LINE: } when the failure was raised under generated code, whose frames carry the .hyp file
     * and line of the operation that ran; empty otherwise (or when the message is located already).
     */
    static String generatedLine(Throwable ex) {
        String where = generatedFrame(ex), message = String.valueOf(ex.getMessage());
        return where == null || message.contains(".hyp:") ? "" : where + ": ";
    }

    /** The innermost frame of generated code, as {@code file.hyp:LINE}; null when none ran. */
    private static String generatedFrame(Throwable ex) {
        for (StackTraceElement frame : ex.getStackTrace()) {
            String file = frame.getFileName();
            if (file != null && file.endsWith(".hyp") && frame.getLineNumber() > 0) return file + ":" + frame.getLineNumber();
        }
        return null;
    }

    /**
     * Thrown while the program's own code ran (generated from a .hyp file, or the runtime it calls), not by the
     * compiler: e.g. an index computed out of range. The user's program is at fault, and the frame names its line.
     */
    static boolean raisedByTheProgram(Throwable ex) {
        if (generatedFrame(ex) == null) return false;
        for (StackTraceElement frame : ex.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) continue;
            String file = frame.getFileName();
            return c.startsWith("hyp.runtime.") || file != null && file.endsWith(".hyp");
        }
        return false;
    }

    /** Turns failures into messages and exit codes; never a stack trace for the user's mistakes. */
    static int report(Exception ex, PrintWriter err) {
        if (ex instanceof CompileException ce) {
            for (Diagnostic d : ce.diagnostics()) err.println(d.render());
            int n = ce.diagnostics().size();
            err.println(n + " error" + (n == 1 ? "" : "s"));
            return BAD_INPUT;
        }
        if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            err.println("hyp: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof NoSuchFileException nf) {
            err.println("hyp: no such file: " + nf.getFile());
            return BAD_INPUT;
        }
        if (ex instanceof IOException io) {
            err.println("hyp: " + io.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof InternalCompilerError ie) {
            String where = ie.span() == null ? "" : ie.span().location() + ": ";
            err.println(where + "internal error: " + ie.getMessage());
            err.println("This is a bug in hyp, not in your program. Please report it with the .hyp file.");
            return INTERNAL;
        }
        if (ex instanceof CodeTooLargeException big) {
            err.println(LoadedProgram.locate(big.function()) + "limit: " + big.getMessage()
                    + "; split the def into smaller defs (long sums, deep expressions and heavy inlining all grow it)");
            return BAD_INPUT;
        }
        if (ex instanceof ArithmeticException) {
            err.println("hyp: the run failed numerically: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof RuntimeException && (ex.getClass().getName().startsWith("hyp.runtime") || raisedByTheProgram(ex))) {
            err.println("hyp: " + generatedLine(ex) + ex.getMessage());
            return BAD_INPUT;
        }
        err.println("internal error: " + ex);
        return INTERNAL;
    }
}
