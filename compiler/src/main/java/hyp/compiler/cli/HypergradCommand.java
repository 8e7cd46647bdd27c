package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.report.Json;
import hyp.compiler.train.ComplexStepHypergradient;
import hyp.compiler.train.DataPassCount;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.embed.ImplicitAtLastIterate;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.hyper.NonFiniteValueException;
import hyp.runtime.train.CompiledDynamics;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyp hypergrad FILE --method ...}: dL_te/dλ at the declared λ, through the train statement's optimizer run. */
@Command(name = "hypergrad", mixinStandardHelpOptions = true,
        description = "Computes the hypergradient of the tune statement's validation loss with respect to its "
                + "hyperparameters, through the train statement's optimizer run.")
final class HypergradCommand implements Callable<Integer> {
    @Mixin
    TripLimit tripLimit;

    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "unrolled",
            description = "unrolled (store every state), tree (O(log T) states), binomial:S (S stored states), "
                    + "numerical (central differences; numerical:C with steps C·max(1, |λ|)), complex (complex step through the whole run, exact to rounding; "
                    + "for checking), implicit (CG at the last iterate), reversible (run the "
                    + "optimizer backwards exactly in fixed point; reversible:B with B fractional bits); default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default: the train statement's)")
    Integer steps;

    @Mixin
    GlobalValues globals;

    @Mixin
    CgOptions cg = new CgOptions(1e-10);

    @Option(names = "--frac-bits", paramLabel = "D", description = "reversible: fractional bits of the fixed-point "
            + "state (default: per state entry, from the range a double run of the same steps reaches)")
    Integer fracBits;

    private Function<String, MethodHandle> methods;

    @Option(names = "--json", description = "print one JSON object: value, hypergradient, memory, work")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HypergradientMethod m = MethodOption.parse(method);
        if (fracBits != null && !(m instanceof HypergradientMethod.Reversible r && r.fracBits() == null)) {
            throw new UsageException(m instanceof HypergradientMethod.Reversible
                    ? "--frac-bits and --method " + method + " both set the fractional bits; give them once"
                    : "--frac-bits sets the fixed point of --method reversible; --method " + method + " does not use it");
        }
        CheckedProgram program = LoadedProgram.check(file);
        HypergradientProgram hp = ModelCompiler.hypergradientProgram(program);
        Map<String, Object> values = globals.resolve(program);
        methods = methods(hp);
        CompiledDynamics dynamics = hp.dynamics(values, methods);
        int t = steps != null ? steps : hp.optimizer.steps(values);
        hp.optimizer.checkSchedules(values, t);
        double[] hyper = hp.hyperVector(dynamics, values);
        ReversibleRun reversible = null;
        if (m instanceof HypergradientMethod.Reversible r) {
            try {
                reversible = ReversibleRun.of(program, hp, dynamics, values, t, hyper, fracBits != null ? fracBits : r.fracBits());
            } catch (ArithmeticException | NonFiniteValueException e) {
                throw Diverged.at(program, "the reversible hypergradient", e);
            }
        }
        Hypergradient g = reversible != null ? reversible.hypergradient()
                : m instanceof HypergradientMethod.Implicit ? implicit(hp, dynamics, values, t, hyper)
                : m instanceof HypergradientMethod.Complex ? ComplexStepHypergradient.of(hp).compute(values, t)
                : ((HypergradientMethod.Standalone) m).strategy(t).compute(dynamics, t, hyper);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", g.value());
        Map<String, Object> grads = new LinkedHashMap<>();
        for (int k = 0; k < hp.hypers.size(); k++) grads.put(hp.hypers.get(k), dynamics.hyperLayout().get(g.gradient(), k));
        out.put("hypergradient", grads);
        out.put("method", m.name());
        out.put("steps", t);
        out.put("memory", ordered("storedStates", g.memory().storedStates(), "storedBytes", g.memory().storedBytes()));
        Map<String, Object> work = ordered("forwardSteps", g.work().forwardSteps(), "adjointSteps", g.work().adjointSteps(),
                "hessianVectorProducts", g.work().hessianVectorProducts(), "cgIterations", g.work().cgIterations());
        work.put("dataPasses", DataPassCount.of(program, hp).json(g.work()));
        out.put("work", work);
        if (reversible != null) out.put("reversible", reversible.json());
        String note = implicitNote(hp, m);
        if (note != null) out.put("note", note);
        String zero = m instanceof HypergradientMethod.Implicit ? zeroAtOptimum(hp) : null;
        if (zero != null) out.put("zeroAtOptimum", ordered("hypers", hp.runHypers, "why", zero));
        if (json) {
            io.out().println(Json.write(out));
        } else {
            io.out().println("L_te = " + g.value() + "   (" + m.name() + ", T = " + t + ")");
            grads.forEach((n, v) -> io.out().println("dL_te/d" + n + " = " + Json.write(v)));
            io.out().println("memory: " + g.memory().storedStates() + " stored states (" + g.memory().storedBytes()
                    + " bytes); work: " + g.work().forwardSteps() + " forward steps, " + g.work().adjointSteps() + " adjoint steps");
            if (reversible != null) reversible.lines().forEach(io.out()::println);
            if (note != null) io.out().println("note: " + note);
            if (zero != null) io.out().println("note: " + zero);
        }
        return Main.OK;
    }

    /**
     * What implicit differentiation of a minibatched run means, or null: the implicit function theorem needs a
     * deterministic inner problem, so it takes the full training set's gradient and Hessian at the final weights.
     */
    static String implicitNote(HypergradientProgram hp, HypergradientMethod method) {
        if (!(method instanceof HypergradientMethod.Implicit) || hp.optimizer.batching() == null) return null;
        return "implicit uses the full training set's gradient and Hessian at the final weights; the minibatched run "
                + "only supplies those weights (a stochastic inner problem has no implicit function)";
    }

    /**
     * Why implicit differentiation gives zero for the hypers that shape the run (settings, the start): it assumes
     * the trained w is a true optimum of the training loss, which they do not move. Null when there are none.
     */
    static String zeroAtOptimum(HypergradientProgram hp) {
        if (hp.runHypers.isEmpty()) return null;
        return "the implicit hypergradient of " + String.join(", ", hp.runHypers) + " is zero: implicit differentiation "
                + "assumes w is a true optimum of the training loss, and optimizer settings and the initial point do not "
                + "move that optimum; their effect on a finite run is seen by unrolled, tree, binomial, reversible, "
                + "numerical or complex";
    }

    /** Runs the optimizer T steps, then solves the implicit-function system at the final parameters by CG. */
    private Hypergradient implicit(HypergradientProgram hp, CompiledDynamics dynamics, Map<String, Object> values,
                                   int t, double[] hyper) {
        return ImplicitAtLastIterate.compute(dynamics, hp.objective(dynamics, values, methods), t, hyper,
                cg.options());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** Compiles the program's hypergradient functions to bytecode and wires them to the runtime. */
    static CompiledDynamics dynamics(HypergradientProgram hp, Map<String, Object> values) {
        return hp.dynamics(values, methods(hp));
    }

    /** Compiles the program's hypergradient functions to bytecode; finds a generated method by function name. */
    static Function<String, MethodHandle> methods(HypergradientProgram hp) {
        return new GeneratedMethods(hp.functions());
    }
}
