package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.check.StepIndex;
import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.BlockLowering;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.lower.Lowering;
import hyp.compiler.opt.Simplify;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Type;
import hyp.runtime.train.ScheduleRead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Compiles a {@code train} statement: the optimizer's init and step blocks become IR functions over the
 * optimizer state, with {@code grad(w)} replaced by the inlined adjoint code of the training loss.
 */
public final class OptimizerLowering {
    /** The state entry that records whether the until rule has held. */
    public static final String STOPPED = "stopped";

    private final CheckedProgram program;
    private final Decl.Train train;
    private final Decl.Optimizer optimizer;
    private final String param;
    private final ParamPacking packing;
    private final Function lossAdjoint;
    private final Function loss;
    private final int wIndex;
    private final List<String> context = new ArrayList<>();
    private final List<Type> contextTypes = new ArrayList<>();

    private OptimizerLowering(CheckedProgram program, Decl.Train train) {
        this.program = program;
        this.train = train;
        this.packing = ParamPacking.of(program, train);
        this.param = packing.name();
        this.optimizer = program.optimizers().get(train.by().name().name());
        if (optimizer == null) {
            throw CompileException.at(train.by().name().span(), "optimizer '" + train.by().name().name()
                    + "' is not declared in this file; the standard optimizer library is not available yet");
        }
        this.loss = packing.wrap(Lowering.lower(program, train.loss().name()));
        this.wIndex = loss.paramNames().indexOf(param);
        if (wIndex < 0) {
            throw CompileException.at(train.loss().span(), "loss '" + train.loss().name() + "' does not depend on '"
                    + String.join("', '", packing.targets()) + "'");
        }
        boolean[] wrt = new boolean[loss.params().size()];
        wrt[wIndex] = true;
        this.lossAdjoint = Derivatives.adjoint(loss, wrt);
        for (int i = 0; i < loss.params().size(); i++) {
            if (i == wIndex) continue;
            context.add(loss.paramNames().get(i));
            contextTypes.add(loss.params().get(i).type());
        }
        // Hypers the settings read (a tuned learning rate, a schedule) join the context after the loss's inputs.
        for (String h : runHypers(program, train)) {
            if (context.contains(h)) continue;
            context.add(h);
            contextTypes.add(program.globals().get(h).type());
        }
    }

    /** The hypers a train statement's start and settings read, in order of appearance: they shape the run itself. */
    public static List<String> runHypers(CheckedProgram program, Decl.Train train) {
        Set<String> out = new LinkedHashSet<>();
        if (train.start() != null) hypersIn(program, train.start(), out);
        for (Decl.Setting s : train.by().settings()) hypersIn(program, s.value(), out);
        return List.copyOf(out);
    }

    /** The settings' reads of a hyper at index t + c, checked against the hyper's size before each run. */
    static List<ScheduleRead> scheduleReads(CheckedProgram program, Decl.Train train) {
        List<ScheduleRead> out = new ArrayList<>();
        for (Decl.Setting s : train.by().settings()) scheduleReads(program, s.value(), out);
        return List.copyOf(out);
    }

    private static void scheduleReads(CheckedProgram program, Expr e, List<ScheduleRead> out) {
        for (Expr c : Expr.children(e)) scheduleReads(program, c, out);
        if (!(e instanceof Expr.Index ix) || !(ix.target() instanceof Expr.Name n)) return;
        Global g = program.globals().get(n.name());
        if (g == null || g.kind() != Decl.VarKind.HYPER) return;
        for (int k = 0; k < ix.indices().size(); k++) {
            Integer offset = ix.indices().get(k) instanceof Expr.Point p ? StepIndex.offset(p.at()) : null;
            if (offset != null) {
                out.add(new ScheduleRead(n.name(), k, offset, ix.span().location() + ": '" + ix.span().text() + "'"));
            }
        }
    }

    private static void hypersIn(CheckedProgram program, Expr e, Set<String> out) {
        if (e instanceof Expr.Name n && !n.name().equals("t")) {
            Global g = program.globals().get(n.name());
            if (g != null && g.kind() == Decl.VarKind.HYPER) out.add(n.name());
        }
        for (Expr c : Expr.children(e)) hypersIn(program, c, out);
    }

    public static OptimizerProgram lower(CheckedProgram program, Decl.Train train) {
        return new OptimizerLowering(program, train).run();
    }

    private OptimizerProgram run() {
        Type wType = packing.type();
        // init: (w0, context...) -> (state...)
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        List<Var> params = new ArrayList<>();
        Var w0 = b.fresh(wType, param);
        params.add(w0);
        Map<String, Var> contextVars = contextParams(b, params);
        BlockLowering lowering = new BlockLowering(program, b, contextVars, params);
        // Settings read in init see t = 1, the step that follows.
        Map<String, Var> env = new LinkedHashMap<>(settings(lowering, b.integer(1)));
        // train w from E: the run starts at E, evaluated at the param's declared value and the hypers.
        env.put("w", train.start() == null ? w0 : lowering.expression(train.start(), Map.of(param, w0)));
        Map<String, Var> after = optimizer.init() == null ? env
                : lowering.run(optimizer.init().stmts(), env, w -> grad(b, w, contextVars), w -> lossAt(b, w, contextVars));
        List<String> state = new ArrayList<>(List.of("w"));
        for (String name : after.keySet()) {
            if (!env.containsKey(name)) state.add(name);
        }
        boolean stopRule = optimizer.until() != null;
        List<Var> initResults = new ArrayList<>(state.stream().map(after::get).toList());
        if (stopRule) {
            // The until rule freezes the state once it holds: a 0/1 flag carried as the last state entry.
            state.add(STOPPED);
            initResults.add(b.real(0.0));
        }
        Function init = function(optimizer.name().name() + "_init", b, lowering, params, names(param), initResults);

        // step: (state..., t, context...) -> (state'..., stop)
        IrBuilder sb = new IrBuilder(Prims.ARITHMETIC);
        List<Var> stepParams = new ArrayList<>();
        for (int k = 0; k < state.size(); k++) {
            Var v = sb.fresh(initResults.get(k).type(), state.get(k));
            stepParams.add(v);
        }
        Var t = sb.fresh(Type.INT, "t");
        stepParams.add(t);
        Map<String, Var> stepContext = contextParams(sb, stepParams);
        BlockLowering stepLowering = new BlockLowering(program, sb, stepContext, stepParams);
        int memory = stopRule ? state.size() - 1 : state.size();
        List<Var> stepResults;
        if (!stopRule) {
            stepResults = stepBody(sb, stepLowering, state, stepParams, t, stepContext, memory);
        } else {
            Var stopped = stepParams.get(memory);
            Var frozen = sb.op(Prims.GT, stopped, sb.real(0.5));
            Block keep = sb.block(List.of(), () -> {
                List<Var> same = new ArrayList<>(stepParams.subList(0, memory + 1));
                same.add(sb.bool(true));
                return same;
            });
            Block run = sb.block(List.of(), () -> {
                List<Var> r = stepBody(sb, stepLowering, state, stepParams, t, stepContext, memory);
                Var stop = r.get(memory);
                Block one = sb.block(List.of(), () -> List.of(sb.real(1.0)));
                Block zero = sb.block(List.of(), () -> List.of(sb.real(0.0)));
                Var flag = sb.fresh(Type.REAL, STOPPED);
                sb.add(new Node.If(stop, one, zero, List.of(flag), optimizer.until().span()));
                List<Var> out = new ArrayList<>(r.subList(0, memory));
                out.add(flag);
                out.add(stop);
                return out;
            });
            stepResults = new ArrayList<>();
            for (Var v : run.results()) stepResults.add(sb.fresh(v.type(), v.hint()));
            sb.add(new Node.If(frozen, keep, run, stepResults, optimizer.until().span()));
        }
        List<String> stepNames = new ArrayList<>(state.stream().map(n -> n.equals("w") ? param : n).toList());
        stepNames.add("t");
        stepNames.addAll(context);
        Function step = function(optimizer.name().name() + "_step", sb, stepLowering, stepParams, stepNames, stepResults);

        int steps = train.steps() == null ? Decl.Train.DEFAULT_STEPS : (int) ((Expr.Num) train.steps()).value();
        List<String> stateNames = state.stream().map(n -> n.equals("w") ? param : n).toList();
        return new OptimizerProgram(param, stateNames, init, step, List.copyOf(context), steps,
                Batching.of(program, train, reads()), scheduleReads(program, train));
    }

    /** The globals the training loss reads, the trained params by their own names. */
    private List<String> reads() {
        List<String> out = new ArrayList<>(loss.paramNames());
        out.addAll(packing.targets());
        return out;
    }

    /** Lowers a part of an optimizer step for another pass (the reversible-step compiler); see {@link #stepParts}. */
    public interface StepPart {
        /**
         * Emits the part into {@code b} from {@code env}: the settings, the memory state by the optimizer's names
         * (w first) and t. {@code grad} and {@code loss} give grad(x) and loss(x) of the training loss.
         */
        List<Var> lower(IrBuilder b, BlockLowering lowering, Map<String, Var> env, UnaryOperator<Var> grad,
                        UnaryOperator<Var> loss);
    }

    /**
     * Functions over a compiled step's memory state, one per named part: (memory state..., t, context...) ->
     * the part's results, where the memory state is the step's state without the until flag.
     */
    public static List<Function> stepParts(CheckedProgram program, Decl.Train train, OptimizerProgram compiled,
                                           Map<String, StepPart> parts) {
        OptimizerLowering l = new OptimizerLowering(program, train);
        List<Function> out = new ArrayList<>();
        for (Map.Entry<String, StepPart> e : parts.entrySet()) out.add(l.stepPart(compiled, e.getKey(), e.getValue()));
        return out;
    }

    private Function stepPart(OptimizerProgram compiled, String name, StepPart part) {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        int memory = compiled.state().size() - (optimizer.until() != null ? 1 : 0);
        List<Var> params = new ArrayList<>();
        for (int k = 0; k < memory; k++) params.add(b.fresh(compiled.step().params().get(k).type(), compiled.state().get(k)));
        Var t = b.fresh(Type.INT, "t");
        params.add(t);
        Map<String, Var> contextVars = contextParams(b, params);
        BlockLowering lowering = new BlockLowering(program, b, contextVars, params);
        Map<String, Var> env = new LinkedHashMap<>(settings(lowering, t));
        for (int k = 0; k < memory; k++) env.put(k == 0 ? "w" : compiled.state().get(k), params.get(k));
        env.put("t", t);
        List<Var> results = part.lower(b, lowering, env, w -> grad(b, w, contextVars), w -> lossAt(b, w, contextVars));
        List<String> names = new ArrayList<>(compiled.state().subList(0, memory));
        names.add("t");
        names.addAll(context);
        return function(name, b, lowering, params, names, results);
    }

    /** The step block's statements from the given state; returns (state'..., stop). */
    private List<Var> stepBody(IrBuilder sb, BlockLowering lowering, List<String> state, List<Var> params, Var t,
                               Map<String, Var> context, int memory) {
        Map<String, Var> env = new LinkedHashMap<>(settings(lowering, t));
        for (int k = 0; k < memory; k++) env.put(state.get(k), params.get(k));
        env.put("t", t);
        Map<String, Var> stepped = lowering.run(optimizer.step().stmts(), env, w -> grad(sb, w, context),
                w -> lossAt(sb, w, context));
        List<Var> out = new ArrayList<>();
        for (int k = 0; k < memory; k++) {
            Var v = stepped.get(state.get(k));
            if (!v.type().equals(params.get(k).type())) {
                throw CompileException.at(optimizer.name().span(), "the step of '" + optimizer.name().name()
                        + "' changes " + state.get(k) + " from " + params.get(k).type() + " to " + v.type());
            }
            out.add(v);
        }
        out.add(optimizer.until() == null ? sb.bool(false) : lowering.expression(optimizer.until(), stepped));
        return out;
    }

    private List<String> names(String first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(context);
        return out;
    }

    private Map<String, Var> contextParams(IrBuilder b, List<Var> params) {
        Map<String, Var> vars = new LinkedHashMap<>();
        for (int i = 0; i < context.size(); i++) {
            Var v = b.fresh(contextTypes.get(i), context.get(i));
            params.add(v);
            vars.put(context.get(i), v);
        }
        return vars;
    }

    /** The optimizer's settings with the train statement's overrides, as values at step {@code t}. */
    private Map<String, Var> settings(BlockLowering lowering, Var t) {
        Map<String, Expr> exprs = new LinkedHashMap<>();
        for (Decl.Setting s : optimizer.settings()) exprs.put(s.name().name(), s.value());
        for (Decl.Setting s : train.by().settings()) exprs.put(s.name().name(), s.value());
        Map<String, Var> out = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> e : exprs.entrySet()) out.put(e.getKey(), lowering.expression(e.getValue(), Map.of("t", t)));
        return out;
    }

    /** grad(w): the training loss's adjoint code inlined at (w, context), seeded with 1. */
    private Var grad(IrBuilder b, Var w, Map<String, Var> contextVars) {
        List<Var> args = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < lossAdjoint.params().size() - 1; i++) {
            args.add(i == wIndex ? w : contextVars.get(context.get(c++)));
        }
        args.add(b.real(1.0));
        return Inliner.inline(b, lossAdjoint, args).get(1);
    }

    /** loss(x): the training loss inlined at (x, context). */
    private Var lossAt(IrBuilder b, Var w, Map<String, Var> contextVars) {
        List<Var> args = new ArrayList<>();
        int c = 0;
        for (int i = 0; i < loss.params().size(); i++) args.add(i == wIndex ? w : contextVars.get(context.get(c++)));
        return Inliner.inline(b, loss, args).get(0);
    }

    private static Function function(String name, IrBuilder b, BlockLowering lowering, List<Var> params,
                                     List<String> names, List<Var> results) {
        List<Node> nodes = new ArrayList<>(lowering.prologue());
        nodes.addAll(b.topNodes());
        return Simplify.run(new Function(name, names, new Block(params, nodes, results)));
    }
}
