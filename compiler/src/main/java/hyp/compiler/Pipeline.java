package hyp.compiler;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Checker;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Lowering;
import hyp.compiler.syntax.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** The front of the pipeline in one place: source → syntax tree → checked program → IR functions. */
public final class Pipeline {
    private Pipeline() {}

    public static SourceFile read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a .hyp file");
        }
        return SourceText.decode(file.toString(), Files.readAllBytes(file));
    }

    /** Parses and checks; throws {@link CompileException} with every error found. */
    public static CheckedProgram check(SourceFile source) {
        return guard(source, () -> onDeepStack(() -> Checker.check(StandardLibrary.addTo(Parser.parse(source)))));
    }

    /** Every def of a checked program as an IR function. */
    public static List<Function> lower(CheckedProgram program) {
        return guard(program.program().source(), () -> onDeepStack(() -> Lowering.lowerAll(program)));
    }

    /** One def as an IR function (the others are not lowered, so their errors do not stop this one). */
    public static Function lower(CheckedProgram program, String def) {
        return guard(program.program().source(), () -> onDeepStack(() -> Lowering.lower(program, def)));
    }

    /** Runs a derivative transformation; a failure there is a bug in hyp, reported against the file. */
    public static <T> T derive(CheckedProgram program, Supplier<T> transform) {
        return guard(program.program().source(), transform);
    }

    /**
     * Parsing, checking and lowering recurse once per level of nesting, and a long chain such as a sum of
     * thousands of terms nests as deeply as it is long; the default thread stack overflows after a few thousand.
     * These stages therefore run on threads whose stack (reserved, not committed, memory) holds about a million
     * levels. The threads are pooled because starting one costs more than checking a small file.
     */
    private static <T> T onDeepStack(Supplier<T> stage) {
        Future<T> running = DEEP_STACKS.submit(stage::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return running.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a stage cannot be abandoned half-way: finish it, then restore the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static final long DEEP_STACK_BYTES = 512L << 20;

    private static final ExecutorService DEEP_STACKS =
            Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(null, task, "hyp-front-end", DEEP_STACK_BYTES);
                t.setDaemon(true); // never keeps the JVM alive
                return t;
            });

    /**
     * Runs a stage, turning an unexpected exception (a bug in hyp) into an {@link InternalCompilerError} that
     * names the file, so the user never sees a bare stack trace.
     */
    static <T> T guard(SourceFile source, Supplier<T> stage) {
        try {
            return stage.get();
        } catch (CompileException | InternalCompilerError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalCompilerError(Span.of(source, 1, 1, 1),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
