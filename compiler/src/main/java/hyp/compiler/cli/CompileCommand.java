package hyp.compiler.cli;

import hyp.compiler.build.ClassNames;
import hyp.compiler.build.CompiledModel;
import hyp.compiler.build.ModelCompiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hyp compile FILE -o model.jar [--emit-java DIR]}. With a train and a tune statement the jar also holds the
 * generated training functions ({@code ModelTraining}) and their wiring, which {@code hyp.runtime.embed.Solver}
 * reads, so a Java program needs only the jar to compute hypergradients and tune.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compiles every def of a .hyp file to a class in a jar that also holds the runtime, with FUNC_grad "
                + "(value, then gradients) beside each def with a real result, and, when the file has train and tune "
                + "statements, the solver hyp.runtime.embed.Solver runs; run it with 'java -jar model.jar FUNC x=1.5' "
                + "or call the static methods from Java.")
final class CompileCommand implements Callable<Integer> {
    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", required = true, description = "the jar to write")
    Path output;

    @Option(names = "--emit-java", paramLabel = "DIR", description = "also write the generated code as Java source under DIR")
    Path javaDir;

    @Override
    public Integer call() throws Exception {
        // Checked through LoadedProgram, so that a limit hit in a back end is reported at the def it came from.
        CompiledModel model = ModelCompiler.compile(LoadedProgram.check(file), ClassNames.forFile(file));
        if (javaDir != null) model.writeJava(javaDir);
        model.writeJar(output);
        io.err().println("wrote " + output + " (" + model.summary() + ")");
        return Main.OK;
    }
}
