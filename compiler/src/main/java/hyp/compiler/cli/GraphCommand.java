package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.lower.Lowering;
import hyp.compiler.opt.BackEndPasses;
import hyp.compiler.report.DotPrinter;
import hyp.compiler.report.IrPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyp graph FILE FUNC [--dot OUT]}: the IR of one def, as text or Graphviz DOT. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints the graph IR of a def; with --dot also writes its computational graph as Graphviz DOT.")
final class GraphCommand implements Callable<Integer> {
    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Parameters(index = "1", paramLabel = "FUNC", description = "the def to show")
    String func;

    @Option(names = "--grad", description = "show the derivative graph instead: the adjoint code (x..., bar) -> (y, xbar...)")
    boolean grad;

    @Option(names = "--fused", description = "show the code the back ends emit: chains of element-wise tensor ops "
            + "fused into single loops, each printed as fused[expression over $0, $1, ...](arguments), and products "
            + "X u and X^T r around such a chain fused into one pass over X's rows, rowpass[rows[K dots; expression]]"
            + "(X, u..., arguments) where $0..$K-1 are the row's dots with the u's")
    boolean fused;

    @Option(names = "--dot", paramLabel = "OUT", description = "also write Graphviz DOT to this file")
    Path dot;

    @Override
    public Integer call() throws Exception {
        CheckedProgram program = LoadedProgram.check(file);
        Function f = Defs.lower(program, func);
        Function derived = grad ? Pipeline.derive(program, () -> Derivatives.adjoint(f)) : f;
        Function shown = fused ? Pipeline.derive(program, () -> BackEndPasses.run(derived)) : derived;
        io.out().print(IrPrinter.print(shown));
        io.out().flush();
        if (dot != null) {
            Path parent = dot.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent); // as -o does for compile
            Files.writeString(dot, DotPrinter.print(shown));
        }
        return Main.OK;
    }
}
