package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.syntax.Decl;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The .hyp file a command runs, read and checked, and remembered for the command's thread so that a limit hit
 * far from the source (a generated method too large for the JVM) can still be reported at the def it came from.
 */
final class LoadedProgram {
    private LoadedProgram() {}

    private static final ThreadLocal<CheckedProgram> CURRENT = new ThreadLocal<>();

    static CheckedProgram check(Path file) throws IOException {
        CheckedProgram program = Pipeline.check(Pipeline.read(file));
        CURRENT.set(program);
        return program;
    }

    /**
     * {@code file:line:col: def NAME} for the def an IR function was made from (its name, or its name with a
     * suffix such as {@code _vjp}); the file alone, or nothing, when no loaded def matches.
     */
    static String locate(String function) {
        CheckedProgram program = CURRENT.get();
        if (program == null) return "";
        Decl.Def best = null;
        for (Decl.Def d : program.program().all(Decl.Def.class)) {
            String name = d.name().name();
            boolean from = function.equals(name) || function.startsWith(name + "_");
            if (from && (best == null || name.length() > best.name().name().length())) best = d;
        }
        if (best == null || !best.name().span().file().equals(program.program().source())) {
            return program.program().source().name() + ": ";
        }
        return best.name().span().location() + ": def " + best.name().name() + ": ";
    }
}
