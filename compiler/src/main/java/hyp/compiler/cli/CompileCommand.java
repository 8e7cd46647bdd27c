package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.embed.GradientMethods;
import hyp.compiler.ir.Function;
import hyp.compiler.jar.JarWriter;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.syntax.Decl;
import hyp.compiler.train.HypergradientProgram;
import hyp.compiler.train.SolverWiring;
import hyp.runtime.Tensor;
import hyp.runtime.embed.Wiring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        CheckedProgram program = LoadedProgram.check(file);
        List<Function> defs = Pipeline.lower(program);
        List<Function> functions = new ArrayList<>(defs);
        functions.addAll(Pipeline.derive(program, () -> GradientMethods.of(program, defs)));
        String className = ClassNames.forFile(file);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put(className, BytecodeBackend.compile(className, functions, true));
        if (javaDir != null) JavaSource.write(javaDir, className, functions);
        Map<String, byte[]> resources = new LinkedHashMap<>();
        boolean solver = !program.program().all(Decl.Tune.class).isEmpty() && !program.program().all(Decl.Train.class).isEmpty();
        if (solver) {
            String trainingClass = className + "Training";
            HypergradientProgram hp = Pipeline.derive(program, () -> HypergradientProgram.compile(program));
            classes.put(trainingClass, BytecodeBackend.compile(trainingClass, hp.functions(), false));
            // Reversible learning from the jar when the step inverts; otherwise the jar has no reversible part.
            String reversibleClass = className + "Reversible";
            ReversibleProgram reversible = invertible(program, hp);
            if (reversible != null) {
                classes.put(reversibleClass, BytecodeBackend.compile(reversibleClass, reversible.functions(), false));
                if (javaDir != null) JavaSource.write(javaDir, reversibleClass, reversible.functions());
            }
            resources.put(Wiring.resourceName(className), wiring(program, hp, trainingClass, reversible, reversibleClass));
            if (javaDir != null) JavaSource.write(javaDir, trainingClass, hp.functions());
        }
        JarWriter.write(output, classes, resources, className, Tensor.class);
        int grads = functions.size() - defs.size();
        err().println("wrote " + output + " (class " + className + ", " + defs.size() + " def"
                + (defs.size() == 1 ? "" : "s") + ", " + grads + " gradient method" + (grads == 1 ? "" : "s")
                + (solver ? ", the solver of its tune statement" : "") + ")");
        return Main.OK;
    }

    /**
     * The tune statement's method, rounds and update rule as hyp tune resolves them; they are fixed here, before
     * any data is bound, so they must not depend on dimension sizes.
     */
    private static byte[] wiring(CheckedProgram program, HypergradientProgram hp, String trainingClass,
                                 ReversibleProgram reversible, String reversibleClass) {
        Decl.Tune tune = program.program().all(Decl.Tune.class).get(0);
        ConstantExpr constants = ConstantExpr.of(program, Map.of());
        OuterUpdates.Rule rule = OuterUpdates.resolve(program, tune.by(), constants);
        int rounds = tune.rounds() != null ? constants.count(tune.rounds(), "the number of rounds") : TuneCommand.DEFAULT_ROUNDS;
        String method = tune.method() != null ? tune.method().name() : "unrolled";
        return SolverWiring.write(program, hp, trainingClass, method, rounds, rule.runtime(), reversible, reversibleClass);
    }

    /** The step compiled for running backwards, or null when it cannot be inverted (the file may tune otherwise). */
    private static ReversibleProgram invertible(CheckedProgram program, HypergradientProgram hp) {
        try {
            return Pipeline.derive(program, () -> ReversibleProgram.compile(program, hp));
        } catch (hyp.compiler.diag.CompileException notInvertible) {
            return null;
        }
    }
}
