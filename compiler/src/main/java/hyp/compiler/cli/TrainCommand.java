package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.ir.Function;
import hyp.compiler.report.Json;
import hyp.compiler.report.TuneProgress;
import hyp.compiler.report.TuneTable;
import hyp.compiler.syntax.Decl;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.OptimizerLowering;
import hyp.compiler.train.OptimizerProgram;
import hyp.compiler.train.ParamPacking;
import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.hyper.NonFiniteValueException;
import hyp.runtime.train.FiniteStates;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hyp train FILE}: runs the file's train statement at the declared (or given) hyperparameters and reports
 * every loss-like def, and any {@code --auc} metric, at the initial and at the trained parameters. The baseline a
 * tune run is compared with, and the way to run a file that tunes nothing.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Runs the file's train statement and reports every loss-like def at the initial and the "
                + "trained parameters.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TripLimit tripLimit;

    @Mixin
    Streams io;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .hyp file")
    Path file;

    @Option(names = "--steps", paramLabel = "T", description = "optimizer steps (default: the train statement's)")
    Integer steps;

    @CommandLine.Mixin
    GlobalValues globals;

    @Option(names = "--auc", paramLabel = "DEF:X:Y", description = "also report 1 - the one-vs-rest macro AUC of DEF's "
            + "class scores over the rows of data X against labels Y (one-hot rows or class indices)")
    List<String> auc = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = io.out();
        CheckedProgram program = LoadedProgram.check(file);
        List<Decl.Train> trains = program.program().all(Decl.Train.class);
        if (trains.isEmpty()) throw new UsageException(file + " has no train statement ('train PARAM on LOSS by ...')");
        Decl.Train train = trains.get(0);
        if (steps != null && steps < 0) throw new UsageException("--steps must be >= 0, got " + steps);
        OptimizerProgram opt = Pipeline.derive(program, () -> OptimizerLowering.lower(program, train));
        ParamPacking packing = ParamPacking.of(program, train);
        Map<String, Object> values = globals.resolve(program);
        DefValues defs = DefValues.compile(program);
        List<AucMetric> metrics = AucMetric.parse(program, auc);
        int total = steps != null ? steps : opt.steps(values);
        opt.checkSchedules(values, total);

        long start = System.nanoTime();
        GeneratedMethods methods = new GeneratedMethods(List.of(opt.init(), opt.step()));
        Map<String, Object> packed = packing.pack(values);
        Minibatches batches = opt.minibatches(packed);
        Object[] state = call(methods.apply(opt.init().name()), opt.init(), batch(opt, packed, batches, 0), null, 0);
        FiniteStates.require(opt.state(), state, 0);
        // The run's start (a train statement's 'from' moves it off the declared value).
        Map<String, Object> initial = new LinkedHashMap<>(values);
        initial.putAll(packing.unpack(state[0]));
        int taken = 0;
        boolean stopped = false;
        while (taken < total && !stopped) {
            Object[] r = call(methods.apply(opt.step().name()), opt.step(), batch(opt, packed, batches, taken), state,
                    taken + 1);
            state = Arrays.copyOf(r, state.length);
            stopped = (Boolean) r[state.length];
            taken++;
            FiniteStates.require(opt.state(), state, taken);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> trained = new LinkedHashMap<>(values);
        trained.putAll(packing.unpack(state[0]));
        Map<String, Double> before = report(defs, metrics, initial, "initial"), after = report(defs, metrics, trained,
                "trained");

        String by = train.by().name().name();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("file", file.toString());
            summary.put("train", packing.targets());
            summary.put("optimizer", by);
            summary.put("steps", taken);
            summary.put("stopped", stopped);
            summary.put("elapsedMs", elapsed);
            summary.put("initial", before);
            summary.put("trained", after);
            out.println(Json.write(summary));
        } else {
            out.println("train " + String.join(", ", packing.targets()) + " on " + train.loss().name() + " by " + by
                    + ": " + taken + (taken == 1 ? " step" : " steps") + (stopped ? " (its until rule held)" : "")
                    + " in " + TuneProgress.duration(elapsed / 1000.0));
            out.println();
            table(out, before, after);
        }
        out.flush();
        return Main.OK;
    }

    /** The table's column at the initial or trained values; a NaN or infinity in it is an error, not a cell. */
    private static Map<String, Double> report(DefValues defs, List<AucMetric> metrics, Map<String, Object> values,
                                              String column) {
        Map<String, Double> out = defs.at(values);
        for (AucMetric m : metrics) out.put(m.label(), m.oneMinusAuc(values));
        for (Map.Entry<String, Double> e : out.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new NonFiniteValueException("'" + e.getKey() + "'", "at the " + column + " parameters", -1,
                        e.getKey(), e.getValue(), "every optimizer state was finite; the def itself overflows or "
                                + "meets an invalid operation there");
            }
        }
        return out;
    }

    private static void table(PrintWriter out, Map<String, Double> before, Map<String, Double> after) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "initial", "trained"});
        for (String name : before.keySet()) {
            rows.add(new String[] {name, TuneTable.number(before.get(name)), TuneTable.number(after.get(name))});
        }
        int[] width = new int[3];
        for (String[] r : rows) for (int c = 0; c < 3; c++) width[c] = Math.max(width[c], r[c].length());
        for (String[] r : rows) {
            out.println((String.format("%-" + width[0] + "s", r[0]) + "   " + String.format("%" + width[1] + "s", r[1])
                    + "   " + String.format("%" + width[2] + "s", r[2])).stripTrailing());
        }
    }

    /** The values with each batched data replaced by step t's batch (t = 0 for init and the first step). */
    private static Map<String, Object> batch(OptimizerProgram opt, Map<String, Object> values, Minibatches batches, int t) {
        if (batches == null || batches.whole()) return values;
        Map<String, Object> out = new LinkedHashMap<>(values);
        for (String name : opt.batching().rule().data()) out.put(name, batches.take((Tensor) values.get(name), t));
        return out;
    }

    /** Calls init (state == null) or step t on the state, the other arguments taken by name from {@code values}. */
    private static Object[] call(MethodHandle h, Function f, Map<String, Object> values, Object[] state, int t) {
        Object[] args = new Object[f.params().size()];
        int k = 0;
        if (state != null) {
            for (Object s : state) args[k++] = s;
            args[k++] = t;
        }
        for (; k < args.length; k++) {
            String name = f.paramNames().get(k);
            if (!values.containsKey(name)) throw new IllegalStateException("no value for '" + name + "'");
            args[k] = values.get(name);
        }
        try {
            Object r = h.invokeWithArguments(args);
            return r instanceof Object[] a ? a : new Object[] {r};
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
