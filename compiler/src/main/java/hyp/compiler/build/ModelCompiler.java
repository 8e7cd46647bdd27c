package hyp.compiler.build;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Function;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.reverse.ReversibleWiring;
import hyp.compiler.syntax.Decl;
import hyp.compiler.train.ConstantExpr;
import hyp.compiler.train.HypergradientProgram;
import hyp.compiler.train.OuterUpdates;
import hyp.compiler.train.SolverWiring;
import hyp.runtime.embed.Wiring;
import hyp.runtime.hyper.HypergradientMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The one way a .hyp file becomes a model: every def compiled to a class with {@code NAME_grad} methods beside
 * it, and, for a file with train and tune statements, the generated training functions ({@code ModelTraining}),
 * the reversible step when it inverts ({@code ModelReversible}) and the wiring {@code hyp.runtime.embed.Solver}
 * reads. {@code hyp compile} and the Maven plugin both call {@link #compile}.
 */
public final class ModelCompiler {
    /** Rounds of a tune statement that does not say {@code for R rounds}. */
    public static final int DEFAULT_ROUNDS = 20;

    private ModelCompiler() {}

    /**
     * Compiles {@code file} to the class {@link ClassNames#forFile} names.
     *
     * @throws CompileException with every error in the file, located
     * @throws IOException      when the file cannot be read
     */
    public static CompiledModel compile(Path file) throws IOException {
        return compile(file, ClassNames.forFile(file));
    }

    /** As {@link #compile(Path)}, to a class of the given binary name. */
    public static CompiledModel compile(Path file, String className) throws IOException {
        return compile(Pipeline.check(Pipeline.read(file)), className);
    }

    /** As {@link #compile(Path)}, for a program already read and checked, to a class of the given binary name. */
    public static CompiledModel compile(CheckedProgram program, String className) {
        List<Function> defs = Pipeline.lower(program);
        List<Function> functions = new ArrayList<>(defs);
        functions.addAll(Pipeline.derive(program, () -> GradientMethods.of(program, defs)));
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, List<Function>> sources = new LinkedHashMap<>();
        classes.put(className, BytecodeBackend.compile(className, functions, true));
        sources.put(className, functions);
        Map<String, byte[]> resources = new LinkedHashMap<>();
        boolean solver = !program.program().all(Decl.Tune.class).isEmpty() && !program.program().all(Decl.Train.class).isEmpty();
        if (solver) {
            String trainingClass = className + "Training";
            HypergradientProgram hp = hypergradientProgram(program);
            classes.put(trainingClass, BytecodeBackend.compile(trainingClass, hp.functions(), false));
            sources.put(trainingClass, hp.functions());
            // Reversible learning from the jar when the step inverts; otherwise the model has no reversible part.
            String reversibleClass = className + "Reversible";
            ReversibleProgram reversible = invertible(program, hp);
            if (reversible != null) {
                classes.put(reversibleClass, BytecodeBackend.compile(reversibleClass, reversible.functions(), false));
                sources.put(reversibleClass, reversible.functions());
            }
            resources.put(Wiring.resourceName(className), wiring(program, hp, trainingClass, reversible, reversibleClass));
        }
        return new CompiledModel(className, classes, resources, sources, defs.size(), functions.size() - defs.size(), solver);
    }

    /**
     * {@code functions} compiled to one class of the given binary name and loaded in this JVM: how commands that run
     * defs directly (eval, tune's def values and AUC) get their code.
     */
    public static Class<?> load(String className, List<Function> functions) {
        return new GeneratedClassLoader(ModelCompiler.class.getClassLoader())
                .define(className, BytecodeBackend.compile(className, functions));
    }

    /**
     * The tune statement compiled to a hypergradient program, with the check its {@code using} clause asks for at
     * compile time (a reversible method needs a step that inverts). Every command that computes hypergradients
     * compiles the program through here.
     *
     * @throws CompileException when the file cannot be tuned as it says
     */
    public static HypergradientProgram hypergradientProgram(CheckedProgram program) {
        return Pipeline.derive(program, () -> {
            HypergradientProgram hp = HypergradientProgram.compile(program);
            ReversibleProgram.requireInvertibleIfAsked(program, hp);
            return hp;
        });
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
        int rounds = tune.rounds() != null ? constants.count(tune.rounds(), "the number of rounds") : DEFAULT_ROUNDS;
        HypergradientMethod method = tune.method() != null ? HypergradientMethod.parse(tune.method().name())
                : new HypergradientMethod.Unrolled();
        Properties reversibleWiring = new Properties();
        if (reversible != null) {
            ReversibleWiring.write(reversibleWiring, reversible, hp.optimizer.state(), hp.hypers, reversibleClass);
        }
        return SolverWiring.write(program, hp, trainingClass, method, rounds, rule.runtime(), reversibleWiring);
    }

    /** The step compiled for running backwards, or null when it cannot be inverted (the file may tune otherwise). */
    private static ReversibleProgram invertible(CheckedProgram program, HypergradientProgram hp) {
        try {
            return Pipeline.derive(program, () -> ReversibleProgram.compile(program, hp));
        } catch (CompileException notInvertible) {
            return null;
        }
    }
}
