package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Program;
import java.util.Map;
import java.util.Set;

/** A program that passed every check: resolved globals, def signatures, expression types and dimension names. */
public record CheckedProgram(Program program, Map<String, Global> globals, Map<String, CheckedDef> defs,
                             Map<String, Decl.Optimizer> optimizers, Set<String> dims, Typing typing) {
    public CheckedDef def(String name) {
        return defs.get(name);
    }
}
