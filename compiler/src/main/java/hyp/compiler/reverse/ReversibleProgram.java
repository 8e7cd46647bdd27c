package hyp.compiler.reverse;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.ir.Function;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.train.Batching;
import hyp.compiler.train.HypergradientProgram;
import hyp.compiler.train.OptimizerProgram;
import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.reverse.GeneratedIncrements;
import hyp.runtime.reverse.IncrementFunction;
import hyp.runtime.reverse.Update;
import hyp.runtime.reverse.UpdateGroup;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.Arguments;
import hyp.runtime.train.CompiledDynamics;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A train statement's optimizer step compiled for running backwards: the analysis ({@link StepAnalysis}) and
 * the generated increment functions ({@link ReversibleLowering}), wired to the runtime as an
 * {@link UpdateSequence} by {@link #sequence}.
 */
public final class ReversibleProgram {
    private final Decl.Optimizer optimizer;
    private final StepPlan plan;
    private final List<Function> functions;
    private final List<String> hypers;
    /** The train statement's batch clause (null: full batch): each step's increments read that step's batch. */
    private final Batching batching;

    private ReversibleProgram(Decl.Optimizer optimizer, StepPlan plan, List<Function> functions, List<String> hypers,
                              Batching batching) {
        this.optimizer = optimizer;
        this.batching = batching;
        this.plan = plan;
        this.functions = functions;
        this.hypers = hypers;
    }

    /**
     * Analyses the tune statement's train statement's step and emits its increment functions.
     *
     * @throws hyp.compiler.diag.CompileException at the statement that breaks invertibility, saying why
     */
    public static ReversibleProgram compile(CheckedProgram program, HypergradientProgram hp) {
        Decl.Train train = program.program().all(Decl.Train.class).get(0);
        Decl.Optimizer optimizer = program.optimizers().get(train.by().name().name());
        StepPlan plan = analyse(program, train, hp.optimizer);
        List<Function> functions = ReversibleLowering.lower(program, train, hp.optimizer, optimizer, plan);
        return new ReversibleProgram(optimizer, plan, functions, hp.hypers, hp.optimizer.batching());
    }

    /**
     * Checks that {@code train}'s optimizer step can be inverted; the check {@code using reversible} asks for.
     *
     * @throws hyp.compiler.diag.CompileException at the statement that breaks invertibility, saying why
     */
    public static void requireInvertible(CheckedProgram program, Decl.Train train, OptimizerProgram compiled) {
        analyse(program, train, compiled);
    }

    /**
     * When the tune statement asks for {@code using reversible}, checks that its train statement's step inverts, so
     * the method fails at compile time, at the statement that breaks it, rather than when it runs.
     *
     * @throws hyp.compiler.diag.CompileException at the statement that breaks invertibility, saying why
     */
    public static void requireInvertibleIfAsked(CheckedProgram program, HypergradientProgram hp) {
        Decl.Tune tune = program.program().all(Decl.Tune.class).get(0);
        if (tune.method() != null
                && HypergradientMethod.parse(tune.method().name()) instanceof HypergradientMethod.Reversible) {
            requireInvertible(program, program.program().all(Decl.Train.class).get(0), hp.optimizer);
        }
    }

    private static StepPlan analyse(CheckedProgram program, Decl.Train train, OptimizerProgram compiled) {
        Decl.Optimizer optimizer = program.optimizers().get(train.by().name().name());
        Map<String, Expr> settings = new LinkedHashMap<>();
        for (Decl.Setting s : optimizer.settings()) settings.put(s.name().name(), s.value());
        for (Decl.Setting s : train.by().settings()) settings.put(s.name().name(), s.value());
        int memory = compiled.state().size() - (optimizer.until() != null ? 1 : 0);
        List<String> state = new ArrayList<>();
        for (int k = 0; k < memory; k++) state.add(k == 0 ? "w" : compiled.state().get(k));
        return StepAnalysis.analyse(optimizer, train, state, settings, program.typing());
    }

    /** The IR functions to compile (into one class) before {@link #sequence} can call them. */
    public List<Function> functions() {
        return functions;
    }

    /** The analysis {@link #sequence} wires; read by {@link ReversibleWiring} to describe it without binding values. */
    StepPlan plan() {
        return plan;
    }

    /** The data each step reads a minibatch of (none without a batch clause). */
    List<String> batchedData() {
        return batching == null ? List.of() : batching.rule().data();
    }

    /** The optimizer declaration, whose name prefixes the increment functions' names. */
    Decl.Optimizer optimizer() {
        return optimizer;
    }

    /** The optimizer's name. */
    public String optimizerName() {
        return optimizer.name().name();
    }

    /**
     * The runtime description over {@code dynamics}' state layout, calling the generated methods that
     * {@code methods} finds by function name; data and other fixed inputs come from {@code values}.
     */
    public UpdateSequence sequence(CompiledDynamics dynamics, Map<String, Object> values,
                                   java.util.function.Function<String, MethodHandle> methods) {
        boolean stops = plan.until() != null;
        int memory = dynamics.stateLayout().count() - (stops ? 1 : 0);
        Minibatches batches = batching == null ? null : batching.bind(values);
        List<UpdateGroup> groups = new ArrayList<>();
        for (int g = 0; g < plan.groups().size(); g++) {
            StepPlan.Group group = plan.groups().get(g);
            IncrementFunction f = call(ReversibleLowering.groupFunction(optimizer, g), memory, dynamics, values, batches,
                    methods);
            List<Update> updates = new ArrayList<>();
            for (StepPlan.Update u : group.updates()) {
                updates.add(new Update(u.stateIndex(), dynamics.stateLayout().names().get(u.stateIndex()),
                        u.form().gamma(), u.sign(), u.implicit()));
            }
            groups.add(new UpdateGroup(updates, f, group.yieldsStop()));
        }
        IncrementFunction until = stops && !plan.untilInLastGroup()
                ? call(ReversibleLowering.untilFunction(optimizer), memory, dynamics, values, batches, methods) : null;
        return new UpdateSequence(dynamics.stateLayout(), memory, groups, until, stops);
    }

    private IncrementFunction call(String name, int memory, CompiledDynamics dynamics, Map<String, Object> values,
                                   Minibatches batches,
                                   java.util.function.Function<String, MethodHandle> methods) {
        Function f = functions.stream().filter(fn -> fn.name().equals(name)).findFirst().orElseThrow();
        List<Arguments.Source> sources = new ArrayList<>();
        for (int i = 0; i < f.paramNames().size(); i++) {
            String p = f.paramNames().get(i);
            if (i < memory) sources.add(new Arguments.State(i));
            else if (i == memory) sources.add(new Arguments.Step());
            else if (hypers.contains(p)) sources.add(new Arguments.Hyper(hypers.indexOf(p)));
            else if (batches != null && !batches.whole() && batching.rule().data().contains(p)) {
                sources.add(new Arguments.Batched((Tensor) values.get(p), batches));
            } else if (values.containsKey(p)) sources.add(new Arguments.Fixed(values.get(p)));
            else throw new IllegalArgumentException("no value for '" + p + "'");
        }
        return new GeneratedIncrements(methods.apply(name), sources, dynamics.stateLayout(), dynamics.hyperLayout());
    }

    /** The update sequence as written: e.g. "w = w - f; m = 9/10·m + f, v = 999/1000·v + f (and until)". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (StepPlan.Group g : plan.groups()) {
            if (b.length() > 0) b.append("; ");
            for (int i = 0; i < g.updates().size(); i++) {
                StepPlan.Update u = g.updates().get(i);
                if (i > 0) b.append(", ");
                String gamma = u.form().gamma().numerator() == u.form().gamma().denominator() ? "" : u.form().gamma() + "·";
                b.append(u.target()).append(" = ").append(gamma).append(u.target())
                        .append(u.sign() > 0 ? " + f" : " - f").append(u.implicit() ? "(" + u.target() + ")" : "");
            }
            if (g.yieldsStop()) b.append(" (and until)");
        }
        return b.toString();
    }
}
