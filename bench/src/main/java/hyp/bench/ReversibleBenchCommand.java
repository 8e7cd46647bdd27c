package hyp.bench;

import hyp.compiler.Pipeline;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.UsageException;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.Tensor;
import hyp.runtime.data.Dataset;
import hyp.runtime.data.Synthetic;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.reverse.ReversibleHypergradient;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledDynamics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reversible-bench}: a benchmark, not a test. Hypergradients of per-feature L2 logistic regression
 * (the logreg example, on seeded synthetic data) through T steps of an optimizer (by default the seed's Adam
 * without a stopping rule), by reversible learning, store-all and tree checkpointing, with wall time and peak live heap side by side.
 * One run per cell, in one JVM: the figures are indicative (JIT warm-up is absorbed by a first small run).
 */
@Command(name = "reversible-bench", mixinStandardHelpOptions = true,
        description = "Benchmark: reversible vs unrolled (store-all) vs tree hypergradients of logistic regression "
                + "at several T, time and peak memory side by side. Give the JVM heap for store-all at the largest T "
                + "(about T x 3 x D x 8 bytes), e.g. java -Xmx2g.")
public final class ReversibleBenchCommand implements Callable<Integer> {
    private static final String PROGRAM = """
            data X: real[n, d]
            data y: real[n]
            data Xv: real[m, d]
            data yv: real[m]
            param w: real[d] = 0
            hyper rho: real[d] = -3
            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def valid_loss(w) = mean(softplus(-yv * (Xv @ w)))
            # The seed's Adam without the until rule, so that every one of the T steps updates the state.
            optimizer adam_running(lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-8) {
                init { m = grad(w); v = grad(w)^2 }
                step {
                    w = w - lr * m / (sqrt(v) + eps)
                    g = grad(w)
                    m = b1 * m + (1 - b1) * g
                    v = b2 * v + (1 - b2) * g^2
                }
            }
            train w on train_loss by %s for 100 steps
            tune rho on valid_loss by adam(lr = 0.1) for 1 rounds using reversible
            """;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", paramLabel = "D", defaultValue = "200", description = "features d (default ${DEFAULT-VALUE})")
    int features;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "200", description = "training rows (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--validation-rows", paramLabel = "M", defaultValue = "100", description = "validation rows (default ${DEFAULT-VALUE})")
    int validationRows;

    @Option(names = "--steps", paramLabel = "T,...", split = ",", defaultValue = "1000,10000,100000",
            description = "step counts (default ${DEFAULT-VALUE})")
    List<Integer> steps;

    @Option(names = "--methods", paramLabel = "M,...", split = ",", defaultValue = "reversible,unrolled,tree",
            description = "strategies (default ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--by", paramLabel = "OPTIMIZER", defaultValue = "adam_running(lr = 0.01, eps = 0.01)",
            description = "the train statement's optimizer: adam_running (the seed's Adam without a stopping rule) or "
                    + "any standard one, with settings (default: ${DEFAULT-VALUE})")
    String by;

    /** Runs the benchmark; bad options and a program that does not compile end with a message and exit code 2. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ReversibleBenchCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof UsageException || e instanceof CompileException)) throw e;
            line.getErr().println("reversible-bench: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        for (String m : methods) {
            HypergradientMethod parsed;
            try {
                parsed = HypergradientMethod.parse(m);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!(parsed instanceof HypergradientMethod.Reversible r && r.fracBits() == null
                    || parsed instanceof HypergradientMethod.Unrolled || parsed instanceof HypergradientMethod.Tree)) {
                throw new UsageException("reversible-bench compares reversible, unrolled and tree; not " + m);
            }
        }
        CheckedProgram program = Pipeline.check(new SourceFile("reversible-bench.hyp", PROGRAM.formatted(by)));
        HypergradientProgram hp = ModelCompiler.hypergradientProgram(program);
        ReversibleProgram rp = Pipeline.derive(program, () -> ReversibleProgram.compile(program, hp));
        Map<String, Object> values = data();
        CompiledDynamics dynamics = hp.dynamics(values, new GeneratedMethods(hp.functions()));
        UpdateSequence seq = rp.sequence(dynamics, values, new GeneratedMethods(rp.functions()));
        double[] hyper = ((Tensor) values.get("rho")).data.clone();
        var out = spec.commandLine().getOut();
        out.printf("logistic regression: d = %d, n = %d, m = %d; %s; state %d doubles per step%n",
                features, rows, validationRows, by, dynamics.stateSize());
        out.println("kept: what the strategy holds for the reverse sweep (states, or buffers and corrections); peak heap: "
                + "the largest live heap after any GC during the run less the live heap before it (coarse when few GCs run)");
        for (String m : methods) run(m, dynamics, seq, hyper, Math.min(200, steps.get(0)));   // JIT warm-up
        out.printf("%9s  %-10s  %10s  %14s  %14s  %12s  %s%n", "T", "method", "time (s)", "kept (bytes)",
                "peak heap (MB)", "|grad|", "rel. diff. to unrolled");
        for (int t : steps) {
            Map<String, Hypergradient> results = new java.util.LinkedHashMap<>();
            Map<String, String> failures = new HashMap<>();
            Map<String, double[]> figures = new HashMap<>();
            for (String m : methods) {
                HeapPeak peak = HeapPeak.start();
                long start = System.nanoTime();
                try {
                    results.put(m, run(m, dynamics, seq, hyper, t));
                } catch (RuntimeException e) {
                    if (!e.getClass().getName().startsWith("hyp.runtime")) throw e;
                    failures.put(m, e.getMessage());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                figures.put(m, new double[] {seconds, peak.stop() / 1048576.0});
            }
            double[] reference = results.containsKey("unrolled") ? results.get("unrolled").gradient() : null;
            for (String m : methods) {
                Hypergradient g = results.get(m);
                if (g == null) {
                    out.printf("%9d  %-10s  %10.2f  failed: %s%n", t, m, figures.get(m)[0], failures.get(m));
                    continue;
                }
                out.printf("%9d  %-10s  %10.2f  %14d  %14.1f  %12.5g  %s%n", t, m, figures.get(m)[0], g.memory().storedBytes(),
                        figures.get(m)[1], g.gradientNorm(),
                        reference == null ? "" : String.format("%.2e", relativeDifference(reference, g.gradient())));
            }
            out.flush();
        }
        return 0;
    }

    private static Hypergradient run(String method, CompiledDynamics d, UpdateSequence seq, double[] hyper, int t) {
        HypergradientMethod m = HypergradientMethod.parse(method);
        if (m instanceof HypergradientMethod.Reversible) {
            ReversibleHypergradient r = new Reversible(seq).run(d, t, hyper, null);
            return r.hypergradient();
        }
        return ((HypergradientMethod.Standalone) m).strategy(t).compute(d, t, hyper);
    }

    private Map<String, Object> data() {
        Dataset all = Synthetic.logreg(rows + validationRows, features, Math.max(1, features / 10), 1.0, 1).data();
        Dataset train = all.slice(0, rows), valid = all.slice(rows, rows + validationRows);
        Map<String, Object> v = new HashMap<>();
        v.put("X", train.x());
        v.put("y", train.y());
        v.put("Xv", valid.x());
        v.put("yv", valid.y());
        v.put("w", Tensor.zeros(features));
        v.put("rho", Tensor.fill(-3.0, features));
        return v;
    }

    private static double relativeDifference(double[] reference, double[] g) {
        double diff = 0, scale = 0;
        for (int i = 0; i < g.length; i++) {
            diff = Math.max(diff, Math.abs(g[i] - reference[i]));
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
