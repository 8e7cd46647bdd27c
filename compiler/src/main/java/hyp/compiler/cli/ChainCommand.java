package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.report.ChainReport;
import hyp.compiler.report.Json;
import hyp.compiler.report.ReportDirectory;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.hyper.NonFiniteValueException;
import hyp.runtime.reverse.ChainDrift;
import hyp.runtime.reverse.ExactReversibleStep;
import hyp.runtime.reverse.FixedPointFormats;
import hyp.runtime.reverse.FloatReversibleStep;
import hyp.runtime.reverse.ReversibleStep;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledDynamics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hyp chain FILE --method float|exact}: the train statement's optimizer run forward T steps and then
 * backwards with its step's inverse, with the distance of every recovered state from the true one.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Runs the train statement's optimizer forward T steps, then backwards with the step's inverse, "
                + "and reports how far each recovered w_t is from the true one: in plain doubles (float), where the "
                + "inverse drifts, or exactly in fixed point with an information buffer (exact). The file needs a "
                + "tune statement too: it names the hyperparameters, whose declared or given values are used.")
final class ChainCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TripLimit tripLimit;

    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "exact",
            description = "float (x = (x - f)/gamma in doubles; for the library's lbfgs, with the dropped history and "
                    + "step lengths kept) or exact (fixed point); default ${DEFAULT-VALUE}")
    String method;

    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default: the train statement's)")
    Integer steps;

    @CommandLine.Mixin
    GlobalValues globals;

    @Option(names = "--frac-bits", paramLabel = "D", description = "exact: fractional bits of the fixed-point state "
            + "(default: per state entry, from the range a double run of the same steps reaches)")
    Integer fracBits;

    @Option(names = "--report", paramLabel = "DIR", description = "write chain.csv, drift.png and chain.png into DIR")
    Path report;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!method.equals("float") && !method.equals("exact")) {
            throw new UsageException("--method must be float or exact, got '" + method + "'");
        }
        if (fracBits != null && method.equals("float")) {
            throw new UsageException("--frac-bits sets the fixed point of --method exact; --method float does not use it");
        }
        if (fracBits != null && (fracBits < 0 || fracBits > 62)) {
            throw new UsageException("--frac-bits must be from 0 to 62, got " + fracBits);
        }
        if (report != null) ReportDirectory.check(report); // before the run, not after it
        CheckedProgram program = LoadedProgram.check(file);
        HypergradientProgram hp = ModelCompiler.hypergradientProgram(program);
        if (method.equals("float") && ChainLbfgs.trainsByLibraryLbfgs(program)) {
            return new ChainLbfgs(program, hp, globals, steps, report, json).run(io.out());
        }
        ReversibleProgram rp = Pipeline.derive(program, () -> ReversibleProgram.compile(program, hp));
        Map<String, Object> values = globals.resolve(program);
        CompiledDynamics dynamics = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        UpdateSequence seq = rp.sequence(dynamics, values, new GeneratedMethods(rp.functions()));
        int t = steps != null ? steps : hp.optimizer.steps(values);
        if (t < 0) throw new UsageException("--steps must be >= 0, got " + t);
        hp.optimizer.checkSchedules(values, t);
        double[] hyper = hp.hyperVector(dynamics, values);
        double[] s0 = new double[dynamics.stateSize()];
        dynamics.init(hyper, s0);

        ReversibleStep step;
        FixedPointFormat[] formats = null;
        ChainDrift.Result r;
        try {
            if (method.equals("float")) {
                step = new FloatReversibleStep(seq);
            } else {
                formats = fracBits != null ? FixedPointFormats.uniform(seq, fracBits) : FixedPointFormats.observe(seq, s0, hyper, t);
                step = new ExactReversibleStep(seq, formats);
            }
            r = ChainDrift.run(step, s0, hyper, t);
        } catch (ArithmeticException | NonFiniteValueException e) {
            throw Diverged.at(program, "the " + method + " chain", e);
        }
        boolean exact = step instanceof ExactReversibleStep e && e.buffersEmpty() && r.maxParameterError() == 0
                && r.stateError()[0] == 0;

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", method);
        out.put("optimizer", rp.optimizerName());
        out.put("updates", rp.describe());
        out.put("steps", t);
        out.put("stoppedAt", r.stoppedAt());
        out.put("initialError", r.parameterError()[0]);
        out.put("initialStateError", r.stateError()[0]);
        out.put("maxError", r.maxParameterError());
        out.put("lastStepAbove1e-12", r.lastStepAbove(1e-12));
        out.put("bitForBit", exact);
        if (formats != null) {
            List<Object> bits = new ArrayList<>();
            for (FixedPointFormat f : formats) bits.add(f.fracBits());
            out.put("fracBits", bits);
        }
        String title = rp.optimizerName() + ", " + method + " inversion, T = " + t;
        if (report != null) {
            List<Object> files = new ArrayList<>();
            for (Path p : ChainReport.write(report, r, title)) files.add(p.toString());
            out.put("report", files);
        }
        var o = io.out();
        if (json) {
            o.println(Json.write(out));
        } else {
            o.println(title + ": " + rp.describe());
            o.println("||w_0(recovered) - w_0|| = " + r.parameterError()[0] + "; whole state: " + r.stateError()[0]);
            o.println("largest ||w_t(recovered) - w_t(true)|| = " + r.maxParameterError()
                    + (r.lastStepAbove(1e-12) >= 0 ? "; above 1e-12 from step " + r.lastStepAbove(1e-12) + " down to 0" : ""));
            if (r.stoppedAt() >= 0) o.println("the until rule held after step " + (r.stoppedAt() + 1) + "; later steps kept the state");
            if (exact) o.println("recovered every state bit for bit; information buffers empty again at s_0");
            if (report != null) o.println("wrote " + out.get("report"));
        }
        return Main.OK;
    }
}
