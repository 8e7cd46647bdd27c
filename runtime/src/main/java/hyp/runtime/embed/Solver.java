package hyp.runtime.embed;

import hyp.runtime.Tensor;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientMethod;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.hyper.Tuning;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledObjective;
import hyp.runtime.train.Layout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bilevel solver of a compiled .hyp file with a train and a tune statement, for plain Java programs with
 * the model jar on their class path: bind data, compute a hypergradient by a named method, tune. What
 * {@code hyp hypergrad} and {@code hyp tune} run, without the compiler: the generated training class and its
 * wiring ({@link Wiring}) come from the jar.
 *
 * <pre>{@code
 * Solver s = Solver.load("hyp.generated.Logreg").data("X", x).data("y", y).data("Xv", xv).data("yv", yv);
 * Hypergradient g = s.hypergradient("unrolled");
 * TuningResult r = s.tune(10, round -> System.out.println(round.validationLoss()));
 * }</pre>
 *
 * Data, params and hypers not given take their declared defaults (a data declared {@code from "file.csv"} is
 * read from the {@link #dataDirectory}). Reversible learning runs the step's inverse that {@code hyp compile} put
 * in the jar ({@link ReversiblePlan}) when the optimizer's step can be inverted.
 *
 * <p>Arguments are checked on entry: a null one is a {@link NullPointerException} naming the parameter, a λ of
 * the wrong length an {@link IllegalArgumentException} naming the expected and given lengths (it is never padded
 * or cut), a non-finite λ entry or a negative step count an {@link IllegalArgumentException} naming it.
 */
public final class Solver {
    /** Implicit hypergradients: CG to this relative residual (as {@code hyp hypergrad}), at most this many steps. */
    private static final Implicit.Options HYPERGRADIENT_CG = new Implicit.Options(1e-10, 1000, 0);
    /** Implicit tuning: the looser tolerance {@code hyp tune} uses per round. */
    private static final Implicit.Options TUNING_CG = new Implicit.Options(1e-6, 1000, 0);

    private final Wiring wiring;
    private final Class<?> training;
    /** The class of the reversible step's increment functions; null when the step cannot be inverted. */
    private final Class<?> reversible;
    private final Inputs inputs;

    private Solver(Wiring wiring, Class<?> training, Class<?> reversible) {
        this.wiring = wiring;
        this.training = training;
        this.reversible = reversible;
        this.inputs = new Inputs(wiring);
    }

    /** The solver of generated class {@code className} (e.g. {@code hyp.generated.Logreg}), found by this class's loader. */
    public static Solver load(String className) {
        Objects.requireNonNull(className, "Solver.load: className must not be null");
        try {
            return load(Class.forName(className, true, Solver.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class " + className + " on the class path", e);
        }
    }

    /** The solver of a generated class, whose jar holds its wiring and training class. */
    public static Solver load(Class<?> generated) {
        Objects.requireNonNull(generated, "Solver.load: generated must not be null");
        Wiring wiring = Wiring.of(generated);
        ReversiblePlan plan = wiring.reversible();
        return new Solver(wiring, companion(generated, wiring.trainingClass()),
                plan == null ? null : companion(generated, plan.className()));
    }

    /** A class the compiler wrote into the jar beside {@code generated}. */
    private static Class<?> companion(Class<?> generated, String name) {
        try {
            return Class.forName(name, true, generated.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the jar of " + generated.getName() + " lacks " + name, e);
        }
    }

    /**
     * Binds a data declaration.
     *
     * @throws IllegalArgumentException naming the data, its declared and its given shape, when they differ or a
     *     symbolic dimension has another size in data given before
     */
    public Solver data(String name, Tensor value) {
        nonNull("data", name, value);
        inputs.set("data", name, value);
        return this;
    }

    /**
     * Binds a data declaration to numbers in memory: {@code values} in row-major order, with {@code shape} its
     * sizes (rows, columns for a matrix; none for a real). The array is copied, so later changes to it do not
     * reach the solver.
     *
     * @throws IllegalArgumentException naming the data when the shape does not hold {@code values.length}
     *     numbers, or as {@link #data(String, Tensor)} when it does not fit the declaration
     */
    public Solver data(String name, double[] values, int... shape) {
        return data(name, tensor("data", name, values, shape));
    }

    /** Binds several data declarations, in the map's order. */
    public Solver data(Map<String, Tensor> values) {
        Objects.requireNonNull(values, "Solver.data: values must not be null");
        values.forEach(this::data);
        return this;
    }

    /** Sets a hyperparameter's starting value (a tensor), instead of its declared default. */
    public Solver hyper(String name, Tensor value) {
        nonNull("hyper", name, value);
        inputs.set("hyper", name, value);
        return this;
    }

    /** Sets a hyperparameter's starting value from numbers in row-major order; see {@link #data(String, double[], int...)}. */
    public Solver hyper(String name, double[] values, int... shape) {
        return hyper(name, tensor("hyper", name, values, shape));
    }

    /** Sets a real hyperparameter's starting value. */
    public Solver hyper(String name, double value) {
        nonNull("hyper", name, value);
        if (!Double.isFinite(value)) throw new IllegalArgumentException("hyper '" + name + "' must be finite, got " + value);
        inputs.set("hyper", name, value);
        return this;
    }

    /** Sets a param's initial value (a tensor), instead of its declared default. */
    public Solver param(String name, Tensor value) {
        nonNull("param", name, value);
        inputs.set("param", name, value);
        return this;
    }

    /** Sets a param's initial value from numbers in row-major order; see {@link #data(String, double[], int...)}. */
    public Solver param(String name, double[] values, int... shape) {
        return param(name, tensor("param", name, values, shape));
    }

    /** A copy of {@code values} as a tensor of {@code shape}, or an error naming the declaration. */
    private static Tensor tensor(String kind, String name, double[] values, int[] shape) {
        if (values == null || shape == null) {
            throw new IllegalArgumentException(kind + " '" + name + "': values and shape must not be null");
        }
        long count = 1;
        for (int n : shape) {
            if (n < 0) {
                count = -1;
                break;
            }
            count *= n;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(kind + " '" + name + "': shape " + Arrays.toString(shape)
                    + (count < 0 ? " has a negative size" : " holds " + count + " numbers") + " but " + values.length
                    + " were given");
        }
        return new Tensor(values.clone(), shape);
    }

    /** Where data declared {@code from "file.csv"} and not given is read from (default: the working directory). */
    public Solver dataDirectory(Path dir) {
        Objects.requireNonNull(dir, "Solver.dataDirectory: dir must not be null");
        inputs.dataDirectory(dir);
        return this;
    }

    /** The tuned hyperparameters, in the order of λ's entries. */
    public List<String> hypers() {
        return wiring.hypers();
    }

    /** The train statement's step count (with {@code for N epochs}, N times the batches per epoch of the bound data). */
    public int steps() {
        return resolve().steps();
    }

    /** The tune statement's round count (or its default). */
    public int rounds() {
        return wiring.rounds();
    }

    /** The starting λ as one flat vector: the hypers in order, each row-major. */
    public double[] hyperVector() {
        return Assembled.hyperOf(wiring, inputs.resolve());
    }

    /** A flat λ (or its gradient) by hyper name: a Double for a real, a Tensor of the declared shape otherwise. */
    public Map<String, Object> named(double[] flat) {
        Layout layout = assemble().dynamics().hyperLayout();
        checkLength("named", "flat", flat, layout);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < layout.count(); k++) out.put(layout.names().get(k), layout.get(flat, k));
        return out;
    }

    /** dL_te/dλ through the train statement's run, by {@code method}: see {@link #hypergradient(String, int)}. */
    public Hypergradient hypergradient(String method) {
        HypergradientMethod m = method(method);
        Resolved resolved = resolve();
        return hypergradient(m, resolved, resolved.steps());
    }

    /**
     * dL_te/dλ at the starting λ through {@code steps} optimizer steps, by {@code unrolled}, {@code tree},
     * {@code binomial:S}, {@code numerical}, {@code implicit} (T steps, then CG at the last iterate),
     * {@code reversible} (the step run backwards in fixed point, fractional bits sized from a double run) or
     * {@code reversible:B} (B fractional bits for every state entry, 0 to 62); see {@link HypergradientMethod}.
     *
     * @throws IllegalArgumentException for another method name (complex included: it needs the compiler) or a
     *                                  negative step count
     * @throws IllegalStateException    for reversible learning when the optimizer's step cannot be inverted
     */
    public Hypergradient hypergradient(String method, int steps) {
        HypergradientMethod m = method(method);
        if (steps < 0) throw new IllegalArgumentException("Solver.hypergradient: steps must be >= 0, got " + steps);
        return hypergradient(m, resolve(), steps);
    }

    /** The method a name gives, for the embedded solver: every one but the complex step, which needs the compiler. */
    private static HypergradientMethod method(String name) {
        Objects.requireNonNull(name, "Solver.hypergradient: method must not be null");
        HypergradientMethod m = HypergradientMethod.parse(name);
        if (m instanceof HypergradientMethod.Complex) {
            throw new IllegalArgumentException("the complex step runs through the compiler: use "
                    + "'hyp hypergrad FILE --method complex' on the .hyp file");
        }
        return m;
    }

    private Hypergradient hypergradient(HypergradientMethod m, Resolved resolved, int steps) {
        Assembled a = assemble(resolved, steps);
        if (m instanceof HypergradientMethod.Reversible r) {
            return reversible(a, r.fracBits()).compute(a.dynamics(), steps, a.hyper());
        }
        if (m instanceof HypergradientMethod.Implicit) {
            return ImplicitAtLastIterate.compute(a.dynamics(), a.objective(), steps, a.hyper(), HYPERGRADIENT_CG);
        }
        return ((HypergradientMethod.Standalone) m).strategy(steps).compute(a.dynamics(), steps, a.hyper());
    }

    /** Runs the tune statement for its own number of rounds; see {@link #tune(int, TuningListener)}. */
    public TuningResult tune(TuningListener listener) {
        Objects.requireNonNull(listener, "Solver.tune: listener must not be null");
        return tune(wiring.rounds(), listener);
    }

    /**
     * Runs the tune statement from the starting λ for {@code rounds} rounds with its outer update rule: greedy
     * (each round differentiates ⌈T/rounds⌉ warm-started optimizer steps by the statement's method), or, when it
     * says {@code using implicit}, the implicit loop (inner argmin from a warm start, CG, update). With
     * {@code using reversible} each round's steps are run backwards. The solver's own starting λ is left as it
     * was; {@link #named} reads the result's.
     */
    public TuningResult tune(int rounds, TuningListener listener) {
        if (rounds < 1) throw new IllegalArgumentException("Solver.tune: rounds must be >= 1, got " + rounds);
        Objects.requireNonNull(listener, "Solver.tune: listener must not be null");
        HypergradientMethod method = wiring.method();
        boolean wholeRuns = !wiring.runHypers().isEmpty();
        if (wholeRuns && method instanceof HypergradientMethod.Implicit) {
            throw new IllegalStateException("implicit tuning cannot move " + String.join(", ", wiring.runHypers())
                    + ": implicit differentiation assumes w is a true optimum of the training loss, which optimizer "
                    + "settings and the initial point do not move, so their hypergradient is zero there; use unrolled, "
                    + "tree, binomial:S, reversible or numerical");
        }
        Resolved resolved = resolve();
        Tuning tuning = Tuning.of(method, resolved.steps(), rounds, null, wholeRuns);
        Assembled a = assemble(resolved, tuning.runSteps());
        Integer bits = method instanceof HypergradientMethod.Reversible r ? r.fracBits() : null;
        return tuning.run(a.dynamics(), a.hyper(), wiring.update().create(), a::objective, TUNING_CG,
                () -> reversible(a, bits), listener);
    }

    /**
     * L_te after the train statement's full run (init, then T steps) at λ = {@code hyper}, laid out as
     * {@link #hyperVector()}.
     *
     * @throws IllegalArgumentException when {@code hyper} has another length than λ or a non-finite entry
     */
    public double validationLoss(double[] hyper) {
        Resolved r = resolve();
        int steps = r.steps();
        var dynamics = assemble(r, steps).dynamics();
        checkLength("validationLoss", "hyper", hyper, dynamics.hyperLayout());
        for (int i = 0; i < hyper.length; i++) {
            if (!Double.isFinite(hyper[i])) {
                throw new IllegalArgumentException("Solver.validationLoss: hyper[" + i + "] ("
                        + dynamics.hyperLayout().entryName(i) + ") is " + hyper[i] + "; λ must be finite");
            }
        }
        double[] s = dynamics.run(hyper, steps);
        return dynamics.outerLoss(s, hyper);
    }

    /**
     * The training loss's gradient, Hessian-vector and mixed second-derivative products and the validation loss
     * with its gradient, at the bound data, as implicit differentiation reads them: w is the trained param (the
     * train statement's targets packed, when several) and λ is laid out as {@link #hyperVector()}. Assembling it
     * runs no optimizer code, so it is cheap enough to build per block of rows (the distributed module does so).
     */
    public CompiledObjective objective() {
        return Assembled.objective(wiring, training, inputs.resolve());
    }

    /** The trained param's starting value, flat (given, or as declared; the train statement's targets packed). */
    public double[] startingParam() {
        return Assembled.startingParam(wiring, inputs.resolve());
    }

    private static void nonNull(String kind, String name, Object value) {
        Objects.requireNonNull(name, () -> "Solver." + kind + ": name must not be null");
        Objects.requireNonNull(value, () -> "Solver." + kind + ": the value of " + kind + " '" + name + "' must not be null");
    }

    /** A flat λ must have exactly λ's length: a short one is never padded, a long one never cut. */
    private static void checkLength(String method, String parameter, double[] flat, Layout layout) {
        Objects.requireNonNull(flat, () -> "Solver." + method + ": " + parameter + " must not be null");
        if (flat.length != layout.size()) {
            throw new IllegalArgumentException("Solver." + method + ": " + parameter + " has " + flat.length
                    + (flat.length == 1 ? " entry" : " entries") + " but λ has " + layout.size() + " ("
                    + describe(layout) + ")");
        }
    }

    /** {@code rho[3], c}: λ's hypers with their shapes. */
    private static String describe(Layout layout) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < layout.count(); k++) {
            s.append(k == 0 ? "" : ", ").append(layout.names().get(k));
            int[] shape = layout.shapes().get(k);
            if (shape.length > 0) s.append(Arrays.toString(shape).replace(" ", ""));
        }
        return s.toString();
    }

    private Assembled assemble() {
        return Assembled.of(wiring, training, inputs.resolve());
    }

    /** The inputs resolved once (data files read once) for one call, and the train statement's step count on them. */
    private record Resolved(Map<String, Object> values, int steps) {}

    private Resolved resolve() {
        Map<String, Object> values = inputs.resolve();
        return new Resolved(values, wiring.steps(values));
    }

    /** As {@link #assemble()}, at resolved inputs, for a run of {@code steps} steps: its per-step schedules must cover them. */
    private Assembled assemble(Resolved resolved, int steps) {
        wiring.checkSchedules(resolved.values(), steps);
        return Assembled.of(wiring, training, resolved.values());
    }

    /**
     * The tuned hypers that shape the run itself (read by the train statement's settings or its start): the
     * implicit hypergradient of each is zero, since they do not move a true optimum, and {@link #tune} trains
     * from the start in every round when there are any.
     */
    public List<String> runHypers() {
        return wiring.runHypers();
    }

    /** Reversible learning on the sequence the wiring describes, bound to {@code a}'s dynamics and values. */
    private Reversible reversible(Assembled a, Integer fracBits) {
        ReversiblePlan plan = wiring.reversible();
        if (plan == null) {
            String optimizer = wiring.optimizer() == null ? "the train statement's optimizer" : "optimizer '" + wiring.optimizer() + "'";
            throw new IllegalStateException("the step of " + optimizer + " cannot be inverted, so the jar has no "
                    + "reversible learning; 'hyp hypergrad FILE --method reversible' on the .hyp file names the statement "
                    + "at fault. Use unrolled, tree, binomial:S, implicit or numerical instead");
        }
        UpdateSequence seq = plan.sequence(reversible, a.dynamics(), a.values(), a.batches());
        return fracBits == null ? new Reversible(seq) : new Reversible(seq, fracBits);
    }
}
