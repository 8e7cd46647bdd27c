package hyp.compiler.cli;

import hyp.compiler.StandardLibrary;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.UsageException;
import hyp.compiler.report.ChainReport;
import hyp.compiler.report.Json;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.train.ConstantExpr;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.reverse.ChainDrift;
import hyp.runtime.reverse.LbfgsInversion;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.train.CompiledObjective;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hyp chain --method float} for a train statement that uses the library's {@code lbfgs}, which the
 * compiler cannot invert: the chain walked back with the dropped history and the step lengths kept
 * ({@link LbfgsInversion}), once by subtracting the kept steps and once by recomputing them.
 */
final class ChainLbfgs {
    /** What the forward run keeps per step, for the text output and --json. */
    static final String KEPT = "per step: the dropped pair (s1, y1) and the step length a";

    private final CheckedProgram program;
    private final HypergradientProgram hp;
    private final GlobalValues globals;
    private final Integer steps;
    private final Path report;
    private final boolean json;

    ChainLbfgs(CheckedProgram program, HypergradientProgram hp, GlobalValues globals, Integer steps,
               Path report, boolean json) {
        this.program = program;
        this.hp = hp;
        this.globals = globals;
        this.steps = steps;
        this.report = report;
        this.json = json;
    }

    /** Whether the (first) train statement trains by the standard library's lbfgs, not a file's own. */
    static boolean trainsByLibraryLbfgs(CheckedProgram program) {
        List<Decl.Train> trains = program.program().all(Decl.Train.class);
        if (trains.isEmpty()) return false;
        Decl.Optimizer optimizer = program.optimizers().get(trains.get(0).by().name().name());
        return optimizer != null && optimizer.name().name().equals("lbfgs")
                && StandardLibrary.program().all(Decl.Optimizer.class).contains(optimizer);
    }

    int run(PrintWriter o) throws Exception {
        Map<String, Object> values = globals.resolve(program);
        GeneratedMethods methods = new GeneratedMethods(hp.functions());
        CompiledDynamics dynamics = hp.dynamics(values, methods);
        if (!LbfgsInversion.fits(dynamics.stateLayout())) {
            throw new UsageException("the state of lbfgs is not " + LbfgsInversion.MEMORY + " beside the trained parameter: "
                    + dynamics.stateLayout().names());
        }
        CompiledObjective objective = hp.objective(dynamics, values, methods);
        int t = steps != null ? steps : hp.optimizer.steps(values);
        if (t < 0) throw new UsageException("--steps must be >= 0, got " + t);
        double[] hyper = hp.hyperVector(dynamics, values);
        double[] s0 = new double[dynamics.stateSize()];
        dynamics.init(hyper, s0);
        LbfgsInversion.Result r = LbfgsInversion.run(dynamics, objective, s0, hyper, t, learningRate(values));
        ChainDrift.Result sub = r.subtract(), rec = r.recompute();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "float");
        out.put("optimizer", "lbfgs");
        out.put("kept", KEPT);
        out.put("steps", t);
        out.put("stoppedAt", r.stoppedAt());
        out.put("initialErrorSubtract", sub.parameterError()[0]);
        out.put("initialErrorRecompute", rec.parameterError()[0]);
        out.put("initialStateErrorSubtract", sub.stateError()[0]);
        out.put("initialStateErrorRecompute", rec.stateError()[0]);
        out.put("maxErrorSubtract", sub.maxParameterError());
        out.put("maxErrorRecompute", rec.maxParameterError());
        out.put("lastStepAbove1e-12Subtract", sub.lastStepAbove(1e-12));
        out.put("lastStepAbove1e-12Recompute", rec.lastStepAbove(1e-12));
        out.put("growthPerStepRecompute", r.growthPerStep());
        out.put("growthSteps", r.growthSteps());
        out.put("snappedStepLengths", r.snappedSteps());
        String title = "lbfgs, float inversion with the dropped history kept, T = " + t;
        if (report != null) {
            List<Object> files = new ArrayList<>();
            for (Path p : ChainReport.writeTwo(report, sub, rec, title)) files.add(p.toString());
            out.put("report", files);
        }
        if (json) {
            o.println(Json.write(out));
            return Main.OK;
        }
        o.println(title + "; kept " + KEPT + " (" + r.snappedSteps() + " of the step lengths exactly lr*2^-k)");
        o.println("subtract the kept step (w = w - s3, g = g - y3): ||w_0(recovered) - w_0|| = " + sub.parameterError()[0]
                + ", largest over the chain " + sub.maxParameterError());
        o.println("recompute the step (g = grad L(w) - y3, w = w + a H g): ||w_0(recovered) - w_0|| = "
                + rec.parameterError()[0] + ", largest over the chain " + rec.maxParameterError());
        o.println(String.format("the recomputed chain's error grows by a factor of %.3g per step back (geometric mean "
                + "over %d steps between rounding and saturation)", r.growthPerStep(), r.growthSteps()));
        if (r.stoppedAt() >= 0) o.println("the until rule held after step " + (r.stoppedAt() + 1) + "; later steps kept the state");
        if (report != null) o.println("wrote " + out.get("report"));
        return Main.OK;
    }

    /** The train statement's lr for lbfgs (its own setting or the library's default), NaN if not a constant. */
    private double learningRate(Map<String, Object> values) {
        Decl.Train train = program.program().all(Decl.Train.class).get(0);
        Expr lr = null;
        for (Decl.Setting s : program.optimizers().get("lbfgs").settings()) if (s.name().name().equals("lr")) lr = s.value();
        for (Decl.Setting s : train.by().settings()) if (s.name().name().equals("lr")) lr = s.value();
        if (lr == null) return Double.NaN;
        try {
            return ConstantExpr.of(program, values).value(lr);
        } catch (CompileException notConstant) {
            return Double.NaN;
        }
    }
}
