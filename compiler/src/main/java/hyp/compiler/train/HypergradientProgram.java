package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.lower.Lowering;
import hyp.compiler.syntax.Decl;
import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.train.Arguments;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.train.CompiledObjective;
import hyp.runtime.train.GeneratedCall;
import hyp.runtime.train.Layout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A tune statement compiled: the train statement's optimizer program, the validation loss, and the adjoint code
 * of all three that hypergradient strategies drive. {@link #dynamics} wires generated methods to the runtime.
 */
public final class HypergradientProgram {
    public final OptimizerProgram optimizer;
    public final List<String> hypers;
    /** How the trained params sit in the optimizer's state entry 0 (several params share one vector). */
    public final ParamPacking packing;
    public final Function init, initAdjoint, step, stepAdjoint, outer, outerAdjoint;
    /** For implicit differentiation: the training loss's gradient in w, and its tangent-of-adjoint along w. */
    public final Function lossGradient, lossSecondOrder;
    /** The training loss (packed), as the implicit method reads it. */
    final Function loss;
    /**
     * The tuned hypers that shape the run itself (read by the train statement's settings or its initial point), in
     * order; tuning then trains from the start each round ({@code GreedyTuner.wholeRuns}).
     */
    public final List<String> runHypers;

    private HypergradientProgram(OptimizerProgram optimizer, ParamPacking packing, List<String> hypers, Function outer,
                                 Function loss, List<String> runHypers) {
        this.runHypers = runHypers;
        this.optimizer = optimizer;
        this.packing = packing;
        this.loss = loss;
        this.hypers = hypers;
        this.init = optimizer.init();
        this.step = optimizer.step();
        this.outer = outer;
        this.initAdjoint = rename(Derivatives.adjoint(init, mark(init, false, true)), "init_adjoint");
        this.stepAdjoint = rename(Derivatives.adjoint(step, mark(step, true, true)), "step_adjoint");
        this.outerAdjoint = rename(Derivatives.adjoint(outer, mark(outer, true, true)), "outer_adjoint");
        boolean[] wOnly = new boolean[loss.params().size()];
        boolean[] wAndHypers = new boolean[loss.params().size()];
        for (int i = 0; i < wOnly.length; i++) {
            String name = loss.paramNames().get(i);
            wOnly[i] = name.equals(optimizer.param());
            wAndHypers[i] = wOnly[i] || hypers.contains(name);
        }
        this.lossGradient = rename(Derivatives.adjoint(loss, wOnly), "loss_gradient");
        boolean[] tangentOfW = Arrays.copyOf(wOnly, loss.params().size() + 1);
        Function second = Derivatives.tangent(Derivatives.adjoint(loss, wAndHypers), tangentOfW);
        int hyperBars = 0;
        for (int i = 0; i < wOnly.length; i++) if (wAndHypers[i] && !wOnly[i]) hyperBars++;
        Function products = SecondOrderCode.tangentsOnly(second, 2 + hyperBars + 1); // from dwbar on
        this.lossSecondOrder = new Function(loss.name() + "_second_order", products.paramNames(), products.body());
    }

    public static HypergradientProgram compile(CheckedProgram program) {
        List<Decl.Tune> tunes = program.program().all(Decl.Tune.class);
        List<Decl.Train> trains = program.program().all(Decl.Train.class);
        if (tunes.isEmpty() || trains.isEmpty()) {
            throw CompileException.at(Span.of(program.program().source(), 1, 1, 1),
                    "a hypergradient needs a train statement and a tune statement");
        }
        Decl.Tune tune = tunes.get(0);
        OptimizerProgram opt = OptimizerLowering.lower(program, trains.get(0));
        List<String> hypers = tune.targets().stream().map(t -> t.name()).toList();
        ParamPacking packing = ParamPacking.of(program, trains.get(0));
        Function outer = packing.wrap(Lowering.lower(program, tune.loss().name()));
        if (!outer.paramNames().contains(opt.param())) {
            throw CompileException.at(tune.loss().span(), "validation loss '" + tune.loss().name()
                    + "' does not read '" + String.join("' or '", packing.targets()) + "', so it cannot depend on training");
        }
        for (var s : opt.state()) {
            int k = opt.state().indexOf(s);
            if (!opt.init().body().results().get(k).type().differentiable()) {
                throw CompileException.at(trains.get(0).by().span(), "optimizer state '" + s + "' must be real or a real tensor");
            }
        }
        Function loss = packing.wrap(Lowering.lower(program, trains.get(0).loss().name()));
        List<String> shaping = OptimizerLowering.runHypers(program, trains.get(0));
        List<String> runHypers = hypers.stream().filter(shaping::contains).toList();
        return new HypergradientProgram(opt, packing, hypers, outer, loss, runHypers);
    }

    /** All functions to compile into one class. */
    public List<Function> functions() {
        return List.of(init, initAdjoint, step, stepAdjoint, outer, outerAdjoint, lossGradient, lossSecondOrder);
    }

    /** Marks the parameters to differentiate: the state (by its names) and/or the tuned hyperparameters. */
    boolean[] mark(Function f, boolean state, boolean hyper) {
        boolean[] out = new boolean[f.params().size()];
        for (int i = 0; i < out.length; i++) {
            String name = f.paramNames().get(i);
            boolean isState = f != init && (optimizer.state().contains(name) && i < optimizer.state().size()
                    || (f == outer && name.equals(optimizer.param())));
            out[i] = (state && isState) || (hyper && hypers.contains(name));
        }
        return out;
    }

    private static Function rename(Function f, String suffix) {
        return new Function(f.name().replaceAll("_vjp$", "") + "_" + suffix, f.paramNames(), f.body());
    }

    /**
     * The runtime dynamics for these values of data, params and hypers (by name), calling the generated methods
     * found by {@code methods} (a function name to its handle).
     */
    public CompiledDynamics dynamics(Map<String, Object> given, java.util.function.Function<String, MethodHandle> methods) {
        Map<String, Object> values = packing.pack(given);
        List<int[]> hyperShapes = new ArrayList<>();
        for (String h : hypers) hyperShapes.add(Layout.shapeOf(require(values, h)));
        Layout hyperLayout = new Layout(hypers, hyperShapes);
        // State shapes follow from one run of init.
        Object[] state0 = invokeByName(methods.apply(init.name()), init, values);
        List<int[]> stateShapes = new ArrayList<>();
        for (Object v : state0) stateShapes.add(Layout.shapeOf(v));
        Layout stateLayout = new Layout(optimizer.state(), stateShapes);
        int n = stateLayout.count();
        Minibatches batches = optimizer.minibatches(values);
        return new CompiledDynamics(stateLayout, hyperLayout,
                call(methods, init, init, values, batches, 0, List.of()),
                call(methods, initAdjoint, init, values, batches, n, cotangents(init, mark(init, false, true))),
                call(methods, step, step, values, batches, 0, List.of()),
                call(methods, stepAdjoint, step, values, batches, n + 1, cotangents(step, mark(step, true, true))),
                call(methods, outer, outer, values, null, 0, List.of()),
                call(methods, outerAdjoint, outer, values, null, 1, cotangents(outer, mark(outer, true, true))));
    }

    /** λ laid out as {@code dynamics} expects it, from the hypers' values by name. */
    public double[] hyperVector(CompiledDynamics dynamics, Map<String, Object> values) {
        double[] hyper = new double[dynamics.hyperSize()];
        for (int k = 0; k < hypers.size(); k++) dynamics.hyperLayout().put(hyper, k, require(values, hypers.get(k)));
        return hyper;
    }

    /** The inner objective for implicit differentiation at the trained parameter (state entry 0). */
    public CompiledObjective objective(CompiledDynamics dynamics, Map<String, Object> given,
                                                          java.util.function.Function<String, MethodHandle> methods) {
        Map<String, Object> values = packing.pack(given);
        Layout w = new Layout(List.of(optimizer.param()), List.of(dynamics.stateLayout().shapes().get(0)));
        List<Integer> order = new ArrayList<>();
        for (String name : loss.paramNames()) {
            if (hypers.contains(name)) order.add(hypers.indexOf(name));
        }
        return new CompiledObjective(w, dynamics.hyperLayout(),
                call(methods, lossGradient, loss, values, null, 2, List.of()),
                call(methods, lossSecondOrder, loss, values, null, 0, List.of()),
                call(methods, outer, outer, values, null, 0, List.of()),
                call(methods, outerAdjoint, outer, values, null, 1, cotangents(outer, mark(outer, true, true))),
                order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Which state or hyper entry each cotangent result of an adjoint belongs to. */
    List<Arguments.Source> cotangents(Function f, boolean[] wrt) {
        List<Arguments.Source> out = new ArrayList<>();
        for (int i = 0; i < wrt.length; i++) {
            if (!wrt[i] || !f.params().get(i).type().differentiable()) continue;
            out.add(source(f, i, Map.of()));
        }
        return out;
    }

    /**
     * How to call f, a function derived from {@code original} (itself, or its adjoint with seeds appended); batched
     * data read the step's minibatch of {@code batches} (null: the whole set).
     */
    private GeneratedCall call(java.util.function.Function<String, MethodHandle> methods, Function f, Function original,
                               Map<String, Object> values, Minibatches batches, int primal, List<Arguments.Source> cots) {
        List<Arguments.Source> sources = new ArrayList<>();
        int seeds = 0;
        for (int i = 0; i < f.params().size(); i++) {
            if (i >= original.params().size()) {
                sources.add(new Arguments.Seed(seeds++));
            } else {
                sources.add(source(f, i, values, batches));
            }
        }
        return new GeneratedCall(methods.apply(f.name()), new Arguments(sources), primal, cots);
    }

    /** Where parameter i of f takes its value from. */
    Arguments.Source source(Function f, int i, Map<String, Object> values) {
        String name = f.paramNames().get(i);
        Var p = f.params().get(i);
        boolean stateful = f.name().equals(step.name()) || f.name().equals(stepAdjoint.name());
        if (stateful && i < optimizer.state().size()) return new Arguments.State(i);
        if (stateful && i == optimizer.state().size()) return new Arguments.Step();
        boolean readsW = f.name().equals(outer.name()) || f.name().equals(outerAdjoint.name())
                || f.name().equals(lossGradient.name()) || f.name().equals(lossSecondOrder.name());
        if (readsW && name.equals(optimizer.param())) {
            return new Arguments.State(0);
        }
        if (hypers.contains(name)) return new Arguments.Hyper(hypers.indexOf(name));
        if (values.isEmpty()) return new Arguments.Fixed(null);
        return new Arguments.Fixed(require(values, name));
    }

    /** As {@link #source(Function, int, Map)}, with batched data of init and step reading {@code batches} when given. */
    Arguments.Source source(Function f, int i, Map<String, Object> values, Minibatches batches) {
        Arguments.Source s = source(f, i, values);
        if (batches == null || !batched(f, f.paramNames().get(i)) || batches.whole()) return s;
        return new Arguments.Batched((Tensor) ((Arguments.Fixed) s).value(), batches);
    }

    /**
     * Whether parameter {@code name} of f reads a minibatch: the batched data, in the train statement's init and step
     * and their adjoints (the validation loss and the implicit method's training-loss derivatives read the whole set).
     */
    boolean batched(Function f, String name) {
        if (optimizer.batching() == null || !optimizer.batching().rule().data().contains(name)) return false;
        String n = f.name();
        return n.equals(init.name()) || n.equals(initAdjoint.name()) || n.equals(step.name()) || n.equals(stepAdjoint.name());
    }

    private static Object[] invokeByName(MethodHandle h, Function f, Map<String, Object> values) {
        Object[] args = f.paramNames().stream().map(n -> require(values, n)).toArray();
        try {
            Object r = h.invokeWithArguments(args);
            return r instanceof Object[] a ? a : new Object[] {r};
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object require(Map<String, Object> values, String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no value for '" + name + "'");
        return v;
    }
}
