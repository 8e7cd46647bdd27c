package hyp.compiler.train;

import hyp.compiler.ad.ComplexTransform;
import hyp.compiler.ir.Function;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.HypergradientException;
import hyp.runtime.hyper.Memory;
import hyp.runtime.hyper.Work;
import hyp.runtime.train.Arguments;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hypergradient by the complex step, dL_te/dλ_i = Im L_te(run(λ + i·h·e_i)) / h with h = 1e-20: the whole
 * optimizer run (init, T steps, the validation loss) is computed in complex arithmetic once per entry of λ. There
 * is no subtraction, so the result is exact to machine precision, and no derivative rule of any primitive is used,
 * which makes it an independent check of every other strategy. Branches (the until rule, a line search) follow the
 * real part, as in the real run; away from a switch they are locally constant, so the derivative is the real run's.
 *
 * <p>Cost: |λ| runs of T complex steps (each a few times a real one); memory: the current complex state only, so
 * no stored states in the sense of {@link Memory}.
 */
public final class ComplexStepHypergradient {
    /** The imaginary step: far below any rounding of the real part, far above underflow. */
    public static final double STEP = 1e-20;

    private final HypergradientProgram program;
    private final MethodHandle init, step, outer;

    private ComplexStepHypergradient(HypergradientProgram program) {
        this.program = program;
        Function cInit = ComplexTransform.of(program.init), cStep = ComplexTransform.of(program.step),
                cOuter = ComplexTransform.of(program.outer);
        GeneratedMethods methods = new GeneratedMethods(List.of(cInit, cStep, cOuter));
        this.init = methods.apply(cInit.name());
        this.step = methods.apply(cStep.name());
        this.outer = methods.apply(cOuter.name());
    }

    /** Compiles the complex versions of the program's init, step and validation loss to bytecode. */
    public static ComplexStepHypergradient of(HypergradientProgram program) {
        return new ComplexStepHypergradient(program);
    }

    /**
     * L_te and dL_te/dλ after {@code steps} optimizer steps at the given values of data, params and hypers (by
     * name); the gradient is laid out as the hypers are listed, each row-major.
     *
     * @throws HypergradientException if a run's real or imaginary part turns NaN or infinite, naming the entry of
     *                                λ being perturbed and the step
     */
    public Hypergradient compute(Map<String, Object> given, int steps) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        Map<String, Object> values = program.packing.pack(given);
        program.optimizer.checkSchedules(values, steps);
        List<Object> hypers = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String h : program.hypers) {
            Object v = values.get(h);
            if (v == null) throw new IllegalArgumentException("no value for '" + h + "'");
            hypers.add(v);
            if (v instanceof Tensor t) {
                for (int j = 0; j < t.size(); j++) entries.add(h + "[" + j + "]");
            } else {
                entries.add(h);
            }
        }
        Minibatches batches = program.optimizer.minibatches(values);
        Calls calls = new Calls(complexArguments(program.init, values, batches),
                complexArguments(program.step, values, batches), complexArguments(program.outer, values, null));
        double[] gradient = new double[entries.size()];
        double value = Double.NaN;
        long forward = 0;
        int entry = 0;
        for (int k = 0; k < hypers.size(); k++) {
            int size = hypers.get(k) instanceof Tensor t ? t.size() : 1;
            for (int j = 0; j < size; j++, entry++) {
                Run r = run(calls, perturbed(hypers, k, j), steps, entries.get(entry));
                value = r.loss.re();
                gradient[entry] = r.loss.im() / STEP;
                forward += r.steps;
            }
        }
        if (entries.isEmpty()) {
            Run r = run(calls, perturbed(hypers, -1, -1), steps, "no entry");
            value = r.loss.re();
            forward += r.steps;
        }
        return new Hypergradient(value, gradient, Memory.NONE, Work.ofSteps(forward, 0));
    }

    /** Each function's arguments, per parameter: where it comes from, with fixed values made complex once. */
    private record Calls(List<Arguments.Source> init, List<Arguments.Source> step, List<Arguments.Source> outer) {}

    private record Run(Complex loss, long steps) {}

    private List<Arguments.Source> complexArguments(Function f, Map<String, Object> values,
                                                    Minibatches batches) {
        List<Arguments.Source> out = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            Arguments.Source s = program.source(f, i, values, batches);
            out.add(s instanceof Arguments.Fixed fixed ? new Arguments.Fixed(complex(fixed.value())) : s);
        }
        return out;
    }

    /** The hypers, complex, with entry j of hyper k (none when k < 0) moved by i·h. */
    private static List<Object> perturbed(List<Object> hypers, int k, int j) {
        List<Object> out = new ArrayList<>();
        for (int q = 0; q < hypers.size(); q++) {
            Object v = hypers.get(q);
            if (v instanceof Tensor t) {
                double[] im = new double[t.size()];
                if (q == k) im[j] = STEP;
                out.add(new ComplexTensor(t.data.clone(), im, t.shape.clone()));
            } else {
                out.add(new Complex((Double) v, q == k ? STEP : 0.0));
            }
        }
        return out;
    }

    /** init, T steps (stopping early once the until rule has frozen the state) and the validation loss. */
    private Run run(Calls calls, List<Object> hypers, int steps, String entry) {
        Object[] state = results(invoke(init, arguments(calls.init, null, 0, hypers)));
        int count = program.optimizer.state().size();
        long taken = 0;
        for (int t = 1; t <= steps; t++) {
            Object[] r = results(invoke(step, arguments(calls.step, state, t, hypers)));
            taken++;
            state = Arrays.copyOf(r, count);
            for (int s = 0; s < count; s++) requireFinite(state[s], entry, "state '" + program.optimizer.state().get(s) + "' after step " + t);
            // Once the until rule holds the step keeps its state, so the remaining steps change nothing.
            if ((Boolean) r[count]) break;
        }
        Object loss = invoke(outer, arguments(calls.outer, state, 0, hypers));
        requireFinite(loss, entry, "the validation loss after " + steps + " steps");
        return new Run((Complex) loss, taken);
    }

    private static Object[] arguments(List<Arguments.Source> sources, Object[] state, int t, List<Object> hypers) {
        Object[] out = new Object[sources.size()];
        for (int i = 0; i < out.length; i++) {
            Arguments.Source s = sources.get(i);
            if (s instanceof Arguments.State st) out[i] = state[st.k()];
            else if (s instanceof Arguments.Hyper h) out[i] = hypers.get(h.k());
            else if (s instanceof Arguments.Step) out[i] = t;
            else if (s instanceof Arguments.Batched b) out[i] = complex(b.at(t));
            else out[i] = ((Arguments.Fixed) s).value();
        }
        return out;
    }

    /** Reals and real tensors as complex values with no imaginary part; ints and bools as they are. */
    private static Object complex(Object v) {
        if (v instanceof Double d) return Complex.of(d);
        if (v instanceof Tensor t) return ComplexTensor.fromReal(t);
        return v;
    }

    private static Object invoke(MethodHandle h, Object[] args) {
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object[] results(Object r) {
        return r instanceof Object[] a ? a : new Object[] {r};
    }

    /** A non-finite real or imaginary part means the run met a non-analytic point (or overflowed) where it matters. */
    private static void requireFinite(Object v, String entry, String where) {
        boolean finite;
        if (v instanceof Complex z) {
            finite = Double.isFinite(z.re()) && Double.isFinite(z.im());
        } else {
            ComplexTensor t = (ComplexTensor) v;
            finite = true;
            for (int i = 0; i < t.size() && finite; i++) finite = Double.isFinite(t.re[i]) && Double.isFinite(t.im[i]);
        }
        if (!finite) {
            throw new HypergradientException("complex step of " + entry + ": " + where
                    + " is not finite (a non-analytic point or an overflow on the way)");
        }
    }
}
