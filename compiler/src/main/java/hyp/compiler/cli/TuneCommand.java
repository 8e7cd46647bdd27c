package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.report.HyperNames;
import hyp.compiler.report.Json;
import hyp.compiler.report.ReportDirectory;
import hyp.compiler.report.ScheduleChart;
import hyp.compiler.report.TuneHistory;
import hyp.compiler.report.TuneProgress;
import hyp.compiler.report.TuneReport;
import hyp.compiler.report.TuneTable;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.syntax.Decl;
import hyp.compiler.train.ConstantExpr;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.compiler.train.OuterUpdates;
import hyp.runtime.hyper.GreedyTuner;
import hyp.runtime.hyper.HypergradientException;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.hyper.HypergradientStrategy;
import hyp.runtime.hyper.Tuning;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.train.CompiledDynamics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hyp tune FILE}: runs the file's tune statement with the seed's greedy, warm-started loop
 * ({@link GreedyTuner}): each round runs K optimizer steps from the carried state, differentiates L_te through
 * them, and updates λ with the statement's outer optimizer. Before and after, the train statement's full run
 * (T steps from the initial parameters) is repeated at the initial and at the tuned λ, so the table compares
 * like with like.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tunes the hyperparameters of the file's tune statement by hypergradient descent and "
                + "reports the validation loss and every loss-like def before and after.")
final class TuneCommand implements Callable<Integer> {
    @Mixin
    TripLimit tripLimit;

    /** Rounds when the tune statement does not say {@code for N rounds}. */
    static final int DEFAULT_ROUNDS = ModelCompiler.DEFAULT_ROUNDS;

    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "unrolled, tree, binomial:S, numerical, numerical:C, implicit, reversible or reversible:B "
                    + "(default: the tune statement's 'using', else unrolled)")
    String methodOption;

    @Option(names = "--rounds", paramLabel = "N", description = "outer rounds (default: the tune statement's, else "
            + DEFAULT_ROUNDS + ")")
    Integer rounds;

    @Option(names = "--steps-per-round", paramLabel = "K",
            description = "optimizer steps per round, differentiated through (default: the train statement's steps "
                    + "divided by the rounds, rounded up, so the tuning run trains about as long as one training run)")
    Integer stepsPerRound;

    @Mixin
    GlobalValues globals;

    @Option(names = "--report", paramLabel = "DIR", description = "write history.json, loss.png and hyper.png to DIR")
    Path report;

    @Mixin
    CgOptions cg = new CgOptions(1e-6);

    @Option(names = "--auc", paramLabel = "DEF:X:Y", description = "also report 1 - the one-vs-rest macro AUC of DEF's "
            + "class scores over the rows of data X against labels Y (one-hot rows or class indices)")
    List<String> auc = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    /** L_te and the loss-like defs at the end of one training run. */
    private record Outcome(double validationLoss, Map<String, Double> defs) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = io.out(), err = io.err();
        if (rounds != null && rounds < 1) throw new UsageException("--rounds must be >= 1, got " + rounds);
        if (stepsPerRound != null && stepsPerRound < 1) {
            throw new UsageException("--steps-per-round must be >= 1, got " + stepsPerRound);
        }
        if (report != null) ReportDirectory.check(report); // before the run, not after it
        CheckedProgram program = LoadedProgram.check(file);
        List<Decl.Tune> tunes = program.program().all(Decl.Tune.class);
        if (tunes.isEmpty()) throw new UsageException(file + " has no tune statement ('tune HYPER on LOSS by ...')");
        Decl.Tune tune = tunes.get(0);
        HypergradientMethod method = MethodOption.parse(methodName(tune)); // a bad method fails before anything is compiled
        boolean implicit = method instanceof HypergradientMethod.Implicit;
        if (method instanceof HypergradientMethod.Complex) {
            throw new UsageException("the complex step is for checking one hypergradient, not for tuning: "
                    + "use 'hyp hypergrad FILE --method complex'");
        }

        HypergradientProgram hp = ModelCompiler.hypergradientProgram(program);
        Map<String, Object> values = globals.resolve(program);
        ConstantExpr constants = ConstantExpr.of(program, values);
        OuterUpdates.Rule rule = OuterUpdates.resolve(program, tune.by(), constants);
        int n = rounds != null ? rounds
                : tune.rounds() != null ? constants.count(tune.rounds(), "the number of rounds") : DEFAULT_ROUNDS;
        int trainSteps = hp.optimizer.steps(values);
        boolean wholeRuns = !hp.runHypers.isEmpty();
        if (wholeRuns && implicit) throw new UsageException(HypergradCommand.zeroAtOptimum(hp) + ", so implicit tuning would not move them");
        if (wholeRuns && stepsPerRound != null) {
            throw new UsageException("--steps-per-round does not apply: " + String.join(", ", hp.runHypers)
                    + " shape the run itself (its settings or its start), so each round trains all " + trainSteps + " steps");
        }
        Tuning tuning = Tuning.of(method, trainSteps, n, stepsPerRound, wholeRuns);
        int k = tuning.stepsPerRound();
        hp.optimizer.checkSchedules(values, tuning.runSteps());
        var methods = HypergradCommand.methods(hp);
        CompiledDynamics dynamics = hp.dynamics(values, methods);
        // Compiled before the runs, so an optimizer that does not invert fails before anything is printed.
        HypergradientStrategy backwards = method instanceof HypergradientMethod.Reversible r
                ? reversibleStrategy(program, hp, dynamics, values, r.fracBits()) : null;
        double[] lambda0 = hp.hyperVector(dynamics, values);
        DefValues defs = DefValues.compile(program);
        List<AucMetric> metrics = AucMetric.parse(program, auc);
        Outcome before = train(hp, dynamics, defs, metrics, values, lambda0, trainSteps);

        HyperNames names = new HyperNames(dynamics.hyperLayout());
        TuneProgress progress = new TuneProgress(err, n, TuneProgress.onTerminal());
        TuneHistory history = new TuneHistory(progress);
        TuningResult result;
        try {
            result = tuning.run(dynamics, lambda0, history.recording(rule.create(), names.entries()),
                    () -> hp.objective(dynamics, values, methods), cg.options(),
                    () -> backwards, history);
        } catch (HypergradientException e) {
            String message = e.getMessage();
            throw new UsageException(message.startsWith("round ") ? message
                    : "round " + history.currentRound() + " of " + n + ": " + message);
        } finally {
            progress.finish();
        }
        long elapsed = history.elapsedMillis();
        Outcome after = train(hp, dynamics, defs, metrics, values, result.hyper(), trainSteps);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", file.toString());
        summary.put("tune", hp.hypers);
        summary.put("loss", tune.loss().name());
        summary.put("method", method.name());
        summary.put("update", rule.describe());
        summary.put("rounds", n);
        summary.put("stepsPerRound", k);
        summary.put("trainSteps", trainSteps);
        summary.put("elapsedMs", elapsed);
        String note = HypergradCommand.implicitNote(hp, method);
        if (note != null) summary.put("note", note);
        summary.put("before", outcome(before, names.values(lambda0)));
        summary.put("after", outcome(after, names.values(result.hyper())));
        List<Path> written = report == null ? List.of()
                : TuneReport.write(report, summary, history.entries(), names, tune.loss().name());
        if (report != null) {
            written = new ArrayList<>(written);
            written.addAll(ScheduleChart.write(report, hp.optimizer.schedules(), dynamics.hyperLayout(), history.entries(),
                    result.hyper(), trainSteps));
        }
        if (json) {
            if (report != null) summary.put("report", written.stream().map(Path::toString).toList());
            out.println(Json.write(summary));
        } else {
            TuneTable.print(out, summary, tune.loss().name(), before.validationLoss(), after.validationLoss(),
                    before.defs(), after.defs());
            if (note != null) out.println("note: " + note);
            if (!written.isEmpty()) out.println("report: " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
        return Main.OK;
    }

    private static Map<String, Object> outcome(Outcome o, Map<String, Object> hyper) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("L_te", o.validationLoss());
        m.put("defs", new LinkedHashMap<>(o.defs()));
        m.put("hyper", hyper);
        return m;
    }

    /**
     * The train statement's run at λ: init, then T steps (once the optimizer's until rule holds, its steps keep
     * the state as it is); then L_te, every loss-like def and the --auc metrics at the trained parameters and λ.
     */
    private static Outcome train(HypergradientProgram hp, CompiledDynamics dynamics, DefValues defs, List<AucMetric> metrics,
                                 Map<String, Object> values, double[] lambda, int steps) {
        double[] s = dynamics.run(lambda, steps);
        Map<String, Object> at = new LinkedHashMap<>(values);
        at.putAll(hp.packing.unpack(dynamics.stateLayout().get(s, 0)));
        for (int h = 0; h < hp.hypers.size(); h++) at.put(hp.hypers.get(h), dynamics.hyperLayout().get(lambda, h));
        Map<String, Double> reported = defs.at(at);
        for (AucMetric m : metrics) reported.put(m.label(), m.oneMinusAuc(at));
        return new Outcome(dynamics.outerLoss(s, lambda), reported);
    }

    /** --method, else the tune statement's {@code using}, else unrolled. */
    private String methodName(Decl.Tune tune) {
        return methodOption != null ? methodOption : tune.method() != null ? tune.method().name() : "unrolled";
    }

    /**
     * Reversible learning for each round's k steps: the step's exact inverse (a located error when the optimizer
     * has none), with {@code fracBits} fractional bits, or, when null, ranges chosen per round from a double run of
     * those steps.
     */
    private static HypergradientStrategy reversibleStrategy(CheckedProgram program, HypergradientProgram hp,
                                                            CompiledDynamics dynamics, Map<String, Object> values,
                                                            Integer fracBits) {
        ReversibleProgram rp = Pipeline.derive(program, () -> ReversibleProgram.compile(program, hp));
        var seq = rp.sequence(dynamics, values, new GeneratedMethods(rp.functions()));
        return fracBits == null ? new Reversible(seq) : new Reversible(seq, fracBits);
    }
}
