package hyp.runtime.embed;

import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.train.BatchRule;
import hyp.runtime.train.ScheduleRead;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code hyp compile} writes beside a generated class {@code hyp.generated.Model} as the resource
 * {@code hyp/generated/Model.solver.properties} when the file has a train and a tune statement: everything the
 * embedded {@link Solver} needs besides the generated code. Keys (lists are comma-separated, possibly empty):
 * <ul>
 *   <li>{@code format} (1), {@code training.class}: the class of the generated training functions;</li>
 *   <li>{@code globals}: the data/param/hyper names in declaration order, each with {@code global.N.kind},
 *       {@code .type} (real, int, bool, tensor), {@code .dims}, and at most one of {@code .fill} and
 *       {@code .randn} (a {@link Formula}) and {@code .from} (a CSV or IDX path as the file wrote it, with
 *       {@code .format} {@code onehot} when it says {@code as onehot});</li>
 *   <li>{@code train.param} (the trained value's name; {@code train.targets} packed into it when several),
 *       {@code train.steps} (the statement's count: of epochs when {@code train.batch.epochs} says so),
 *       {@code train.state} (the optimizer's state entries, the trained value first),
 *       {@code train.optimizer} (its name);</li>
 *   <li>{@code train.schedules} (optional, a count N) with {@code train.schedule.K.hyper}, {@code .axis},
 *       {@code .offset} and {@code .where} for K below N: the settings' per-step reads of hypers;</li>
 *   <li>{@code tune.runHypers} (optional): the tuned hypers the settings or the start read, tuned by whole runs;</li>
 *   <li>{@code tune.hypers}, {@code tune.loss}, {@code tune.method}, {@code tune.rounds}, {@code tune.update}
 *       with {@code tune.update.settings} and one {@code tune.update.K} per setting;</li>
 *   <li>{@code call.F.method}, {@code .arguments}, {@code .primal}, {@code .cotangents} (see {@link CallPlan}) for F
 *       in {@link #CALLS}, and {@code objective.hyperOrder}: the hyper entry of each hyper cotangent of the
 *       training loss's second-order code;</li>
 *   <li>when the step can be inverted, the {@code reversible.*} keys of {@link ReversiblePlan};</li>
 *   <li>when the train statement has a batch clause, {@code train.batch.dim}, {@code .data}, {@code .size},
 *       {@code .seed} and {@code .epochs} ({@link BatchRule}); its init and step calls then read
 *       {@code batched:NAME}.</li>
 * </ul>
 *
 * @param optimizer  the train statement's optimizer, or null when the wiring does not say
 * @param reversible the step run backwards, or null when it cannot be inverted
 * @param batch      the train statement's minibatches, or null when every step reads the whole set
 */
public record Wiring(String trainingClass, List<Declaration> globals, String param, List<String> targets, int steps,
                     List<String> state, String optimizer, List<String> hypers, String loss, HypergradientMethod method, int rounds,
                     OuterRule update, Map<String, CallPlan> calls, int[] hyperOrder, ReversiblePlan reversible,
                     BatchRule batch, List<String> runHypers, List<ScheduleRead> schedules) {
    /** The generated training functions, by the role they play. */
    public static final List<String> CALLS = List.of("init", "initAdjoint", "step", "stepAdjoint", "outer",
            "outerAdjoint", "lossGradient", "lossSecondOrder");

    /** The resource holding the wiring of generated class {@code className}. */
    public static String resourceName(String className) {
        return className.replace('.', '/') + ".solver.properties";
    }

    /** Reads the wiring of {@code generated} through its class loader. */
    public static Wiring of(Class<?> generated) {
        String resource = resourceName(generated.getName());
        ClassLoader loader = generated.getClassLoader() != null ? generated.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(generated.getName() + " has no solver (no resource " + resource
                        + "): its .hyp file needs a train and a tune statement");
            }
            Properties p = new Properties();
            p.load(in);
            return read(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Parses the properties described above. */
    public static Wiring read(Properties p) {
        if (!"1".equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("unknown solver format " + p.getProperty("format") + "; expected 1");
        }
        List<Declaration> globals = new ArrayList<>();
        for (String n : list(p, "globals")) {
            String k = "global." + n + ".";
            globals.add(new Declaration(n, get(p, k + "kind"), get(p, k + "type"), list(p, k + "dims"),
                    formula(p, k + "fill"), formula(p, k + "randn"), p.getProperty(k + "from"), p.getProperty(k + "format")));
        }
        Map<String, Double> settings = new LinkedHashMap<>();
        for (String s : list(p, "tune.update.settings")) settings.put(s, Double.parseDouble(get(p, "tune.update." + s)));
        Map<String, CallPlan> calls = new LinkedHashMap<>();
        for (String c : CALLS) calls.put(c, callPlan(p, c));
        int[] order = list(p, "objective.hyperOrder").stream().mapToInt(Integer::parseInt).toArray();
        List<String> state = list(p, "train.state");
        return new Wiring(get(p, "training.class"), globals, get(p, "train.param"), list(p, "train.targets"),
                Integer.parseInt(get(p, "train.steps")), state, p.getProperty("train.optimizer"),
                list(p, "tune.hypers"), get(p, "tune.loss"), HypergradientMethod.parse(get(p, "tune.method")),
                Integer.parseInt(get(p, "tune.rounds")), new OuterRule(get(p, "tune.update"), settings), calls, order,
                ReversiblePlan.read(p, state), batch(p),
                p.getProperty("tune.runHypers") == null ? List.of() : list(p, "tune.runHypers"), schedules(p));
    }

    private static BatchRule batch(Properties p) {
        if (p.getProperty("train.batch.size") == null) return null;
        return new BatchRule(get(p, "train.batch.dim"), list(p, "train.batch.data"),
                Integer.parseInt(get(p, "train.batch.size")), Long.parseLong(get(p, "train.batch.seed")),
                Boolean.parseBoolean(get(p, "train.batch.epochs")));
    }

    private static List<ScheduleRead> schedules(Properties p) {
        List<ScheduleRead> out = new ArrayList<>();
        int n = Integer.parseInt(p.getProperty("train.schedules", "0"));
        for (int k = 0; k < n; k++) {
            String key = "train.schedule." + k + ".";
            out.add(new ScheduleRead(get(p, key + "hyper"), Integer.parseInt(get(p, key + "axis")),
                    Integer.parseInt(get(p, key + "offset")), get(p, key + "where")));
        }
        return List.copyOf(out);
    }

    /** The train statement's step count on these values (its epochs times the batches per epoch, when it counts epochs). */
    public int steps(Map<String, Object> values) {
        return batch == null ? steps : batch.steps(steps, batch.bind(values));
    }

    /** Throws {@link IllegalArgumentException} when a run of {@code steps} steps would read a schedule outside it. */
    public void checkSchedules(Map<String, Object> values, int steps) {
        for (ScheduleRead r : schedules) r.check(values.get(r.hyper()), steps);
    }

    /** The {@code call.ROLE.*} keys as a call plan. */
    static CallPlan callPlan(Properties p, String role) {
        String k = "call." + role + ".";
        return new CallPlan(get(p, k + "method"), list(p, k + "arguments"), Integer.parseInt(get(p, k + "primal")),
                list(p, k + "cotangents"));
    }

    /** The declaration named {@code name}, or null. */
    public Declaration global(String name) {
        for (Declaration d : globals) if (d.name().equals(name)) return d;
        return null;
    }

    static String get(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("solver description lacks '" + key + "'");
        return v;
    }

    static List<String> list(Properties p, String key) {
        String v = get(p, key).trim();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList();
    }

    private static Formula formula(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? null : Formula.parse(v);
    }
}
