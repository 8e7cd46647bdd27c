package hyp.bench;

import hyp.compiler.Pipeline;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.train.DataPassCount;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.Tensor;
import hyp.runtime.data.CsvReader;
import hyp.runtime.embed.ImplicitAtLastIterate;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.train.CompiledObjective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The hyp side of the hyp-vs-PyTorch hypergradient benchmark ({@code bench/peer/run}): compiles the benchmark
 * {@code .hyp} once, then times one hypergradient of the validation loss with respect to {@code rho} through
 * T optimizer steps, after JIT warm-up runs, and reports the median. {@code unrolled} is store-all reverse mode;
 * {@code implicit} is T forward steps followed by CG on Hessian-vector products at the last iterate.
 *
 * <pre>
 * PeerHypergradient FILE.hyp DATA_DIR --method unrolled|implicit --steps T --out RESULT.json
 *                   [--warmup-seconds S] [--measure-seconds S] [--min-reps R]
 * </pre>
 *
 * DATA_DIR holds X.csv, y.csv, Xv.csv and yv.csv (as {@code hyp data synth logreg} writes them). The result file
 * is one JSON object: method, sizes, median and all measured times (wall and process CPU), compile time, value
 * and hypergradient.
 */
public final class PeerHypergradient {
    private PeerHypergradient() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = options(args, 2);
        Path file = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        String method = opt.getOrDefault("method", "unrolled");
        int steps = Integer.parseInt(opt.getOrDefault("steps", "200"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup-seconds", "3"));
        double measure = Double.parseDouble(opt.getOrDefault("measure-seconds", "3"));
        int minReps = Integer.parseInt(opt.getOrDefault("min-reps", "5"));
        Path out = Path.of(require(opt, "out"));

        Map<String, Object> values = new HashMap<>();
        values.put("X", CsvReader.STRICT.readMatrix(dataDir.resolve("X.csv")));
        values.put("y", CsvReader.STRICT.read(dataDir.resolve("y.csv")));
        values.put("Xv", CsvReader.STRICT.readMatrix(dataDir.resolve("Xv.csv")));
        values.put("yv", CsvReader.STRICT.read(dataDir.resolve("yv.csv")));
        Tensor x = (Tensor) values.get("X");
        int n = x.shape[0], d = x.shape[1];
        values.put("w", Tensor.zeros(d));
        values.put("rho", Tensor.fill(-3.0, d));

        // Compile: parse, check, derive adjoints, emit bytecode, bind the data.
        long c0 = System.nanoTime();
        CheckedProgram program = Pipeline.check(Pipeline.read(file));
        HypergradientProgram hp = ModelCompiler.hypergradientProgram(program);
        GeneratedMethods methods = new GeneratedMethods(hp.functions());
        CompiledDynamics dynamics = hp.dynamics(values, methods);
        CompiledObjective objective = hp.objective(dynamics, values, methods);
        double compileSeconds = (System.nanoTime() - c0) * 1e-9;
        double[] hyper = ((Tensor) values.get("rho")).data.clone();

        Supplier<Hypergradient> run = switch (method) {
            case "unrolled" -> () -> new StoreAll().compute(dynamics, steps, hyper);
            case "implicit" -> () -> ImplicitAtLastIterate.compute(dynamics, objective, steps, hyper, Implicit.Options.defaults());
            default -> throw new IllegalArgumentException("--method must be unrolled or implicit, got " + method);
        };
        Hypergradient first = run.get();
        Timing.Runs times = Timing.measure(run::get, warmup, measure, minReps);
        Hypergradient last = run.get();
        if (!Arrays.equals(first.gradient(), last.gradient())) {
            throw new IllegalStateException("repeated runs gave different hypergradients: the benchmark is not deterministic");
        }
        // Bytes of data read per hypergradient: passes over each data tensor in the generated steps and products
        Map<String, Long> passes = DataPassCount.of(program, hp).total(last.work());
        long bytes = 0;
        for (Map.Entry<String, Long> e : passes.entrySet()) bytes += e.getValue() * 8L * ((Tensor) values.get(e.getKey())).data.length;
        Files.writeString(out, json(method, n, d, steps, compileSeconds, times, last, passes, bytes));
        System.out.printf(Locale.ROOT, "hyp   %-8s N=%d D=%d T=%d: median %.3f ms wall, %.3f ms CPU over %d runs "
                + "(compile %.0f ms)%n", method, n, d, steps, Timing.median(times.wall()) * 1e3,
                Timing.median(times.cpu()) * 1e3, times.wall().length, compileSeconds * 1e3);
    }

    private static String json(String method, int n, int d, int steps, double compile, Timing.Runs times,
                               Hypergradient g, Map<String, Long> passes, long bytes) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"side\": \"hyp\", \"method\": \"").append(method).append("\", ");
        b.append("\"n\": ").append(n).append(", \"d\": ").append(d).append(", \"steps\": ").append(steps).append(", ");
        b.append("\"compile_seconds\": ").append(compile).append(", ");
        b.append("\"median_seconds\": ").append(Timing.median(times.wall())).append(", ");
        b.append("\"median_cpu_seconds\": ").append(Timing.median(times.cpu())).append(", ");
        b.append("\"seconds\": ").append(array(times.wall())).append(", ");
        b.append("\"cpu_seconds\": ").append(array(times.cpu())).append(", ");
        b.append("\"hvp\": ").append(g.work().hessianVectorProducts()).append(", ");
        b.append("\"cg_iterations\": ").append(g.work().cgIterations()).append(", ");
        b.append("\"threads\": \"").append(System.getenv().getOrDefault("HYP_THREADS", "")).append("\", ");
        b.append("\"data_passes\": {");
        int k = 0;
        for (Map.Entry<String, Long> e : passes.entrySet()) {
            b.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
        }
        b.append("}, \"data_bytes\": ").append(bytes).append(", ");
        b.append("\"value\": ").append(g.value()).append(", ");
        b.append("\"hypergradient\": ").append(array(g.gradient())).append("}\n");
        return b.toString();
    }

    private static String array(double[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) b.append(i == 0 ? "" : ", ").append(a[i]); // Double.toString round-trips
        return b.append(']').toString();
    }

    private static Map<String, String> options(String[] args, int positional) {
        if (args.length < positional) {
            throw new IllegalArgumentException("usage: PeerHypergradient FILE.hyp DATA_DIR --method M --steps T --out FILE");
        }
        Map<String, String> opt = new HashMap<>();
        for (int i = positional; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad option " + args[i]);
            opt.put(args[i].substring(2), args[i + 1]);
        }
        return opt;
    }

    private static String require(Map<String, String> opt, String key) {
        String v = opt.get(key);
        if (v == null) throw new IllegalArgumentException("--" + key + " is required");
        return v;
    }
}
