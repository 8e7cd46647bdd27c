package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.ir.Function;

/** Finding a def by the name the user typed. */
final class Defs {
    private Defs() {}

    static Function lower(CheckedProgram program, String name) {
        if (program.def(name) == null) {
            String known = String.join(", ", program.defs().keySet().stream().sorted().toList());
            throw new UsageException("no def named '" + name + "' in " + program.program().source().name()
                    + (known.isEmpty() ? " (it has none)" : " (it has: " + known + ")"));
        }
        return Pipeline.lower(program, name);
    }
}
