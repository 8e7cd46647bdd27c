package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.embed.GradientMethods;
import hyp.compiler.ir.Function;
import hyp.compiler.jar.JarWriter;
import hyp.runtime.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyp compile FILE -o model.jar [--emit-java DIR]}. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compiles every def of a .hyp file to a class in a jar that also holds the runtime, with FUNC_grad "
                + "(value, then gradients) beside each def with a real result; run it with 'java -jar model.jar FUNC x=1.5' "
                + "or call the static methods from Java.")
final class CompileCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "JAR", required = true, description = "the jar to write")
    Path output;

    @Option(names = "--emit-java", paramLabel = "DIR", description = "also write the generated code as Java source under DIR")
    Path javaDir;

    @Override
    public Integer call() throws Exception {
        CheckedProgram program = Pipeline.check(Pipeline.read(file));
        List<Function> defs = Pipeline.lower(program);
        List<Function> functions = new ArrayList<>(defs);
        functions.addAll(Pipeline.derive(program, () -> GradientMethods.of(program, defs)));
        String className = ClassNames.forFile(file);
        byte[] bytes = BytecodeBackend.compile(className, functions, true);
        if (javaDir != null) JavaSource.write(javaDir, className, functions);
        JarWriter.write(output, Map.of(className, bytes), className, Tensor.class);
        int grads = functions.size() - defs.size();
        err().println("wrote " + output + " (class " + className + ", " + defs.size() + " def"
                + (defs.size() == 1 ? "" : "s") + ", " + grads + " gradient method" + (grads == 1 ? "" : "s") + ")");
        return Main.OK;
    }
}
