package hyp.runtime.embed;

import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.train.CompiledObjective;
import hyp.runtime.train.GeneratedCall;
import hyp.runtime.train.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated training functions wired to the runtime at one set of values, as the compiler's
 * {@code HypergradientProgram.dynamics} and {@code objective} wire them: the dynamics the strategies drive, the
 * inner objective of implicit differentiation, λ as the values give it, and the values themselves (the packed
 * trained vector among them), which the reversible step's increment functions read too.
 */
record Assembled(CompiledDynamics dynamics, CompiledObjective objective, double[] hyper, Map<String, Object> values,
                 Minibatches batches) {
    static Assembled of(Wiring wiring, Class<?> training, Map<String, Object> given) {
        Map<String, Object> values = pack(wiring, given);
        Minibatches batches = wiring.batch() == null ? null : wiring.batch().bind(values);
        List<int[]> hyperShapes = new ArrayList<>();
        for (String h : wiring.hypers()) hyperShapes.add(Layout.shapeOf(values.get(h)));
        Layout hyperLayout = new Layout(wiring.hypers(), hyperShapes);
        Map<String, CallPlan> plans = wiring.calls();
        // The state's shapes follow from one run of init.
        CallPlan init = plans.get("init");
        Object[] state0 = invoke(init, training, init.fixedArguments(values, wiring.hypers()));
        List<int[]> stateShapes = new ArrayList<>();
        for (Object v : state0) stateShapes.add(Layout.shapeOf(v));
        Layout stateLayout = new Layout(wiring.state(), stateShapes);
        CompiledDynamics dynamics = new CompiledDynamics(stateLayout, hyperLayout,
                plans.get("init").bind(training, values, batches), plans.get("initAdjoint").bind(training, values, batches),
                plans.get("step").bind(training, values, batches), plans.get("stepAdjoint").bind(training, values, batches),
                bind(plans, "outer", training, values), bind(plans, "outerAdjoint", training, values));
        CompiledObjective objective = objective(wiring, training, values, hyperLayout, stateLayout.shapes().get(0));
        double[] hyper = new double[hyperLayout.size()];
        for (int k = 0; k < wiring.hypers().size(); k++) hyperLayout.put(hyper, k, values.get(wiring.hypers().get(k)));
        return new Assembled(dynamics, objective, hyper, values, batches);
    }

    /**
     * The training and validation losses' derivatives at {@code given} alone, without running the optimizer's init:
     * the trained value's shape is that of its given or declared value.
     */
    static CompiledObjective objective(Wiring wiring, Class<?> training, Map<String, Object> given) {
        Map<String, Object> values = pack(wiring, given);
        List<int[]> hyperShapes = new ArrayList<>();
        for (String h : wiring.hypers()) hyperShapes.add(Layout.shapeOf(values.get(h)));
        return objective(wiring, training, values, new Layout(wiring.hypers(), hyperShapes),
                Layout.shapeOf(values.get(wiring.param())));
    }

    /** λ at {@code values}: the hypers in order, each row-major. */
    static double[] hyperOf(Wiring wiring, Map<String, Object> values) {
        List<int[]> shapes = new ArrayList<>();
        for (String h : wiring.hypers()) shapes.add(Layout.shapeOf(values.get(h)));
        Layout layout = new Layout(wiring.hypers(), shapes);
        double[] hyper = new double[layout.size()];
        for (int k = 0; k < wiring.hypers().size(); k++) layout.put(hyper, k, values.get(wiring.hypers().get(k)));
        return hyper;
    }

    /** The trained value at {@code given}, flat. */
    static double[] startingParam(Wiring wiring, Map<String, Object> given) {
        Object v = pack(wiring, given).get(wiring.param());
        return v instanceof Tensor t ? t.data.clone() : new double[] {(Double) v};
    }

    private static CompiledObjective objective(Wiring wiring, Class<?> training, Map<String, Object> values,
                                               Layout hyperLayout, int[] paramShape) {
        Map<String, CallPlan> plans = wiring.calls();
        Layout w = new Layout(List.of(wiring.param()), List.of(paramShape));
        return new CompiledObjective(w, hyperLayout, bind(plans, "lossGradient", training, values),
                bind(plans, "lossSecondOrder", training, values), bind(plans, "outer", training, values),
                bind(plans, "outerAdjoint", training, values), wiring.hyperOrder());
    }

    /** A call that reads the whole training set (the validation loss, the implicit method's derivatives). */
    private static GeneratedCall bind(Map<String, CallPlan> plans, String role, Class<?> training, Map<String, Object> values) {
        return plans.get(role).bind(training, values, null);
    }

    /** The values with the packed trained vector added when the train statement trains several params. */
    private static Map<String, Object> pack(Wiring wiring, Map<String, Object> values) {
        if (wiring.targets().size() < 2) return values;
        List<double[]> parts = new ArrayList<>();
        int total = 0;
        for (String t : wiring.targets()) {
            Object v = values.get(t);
            double[] part = v instanceof Tensor tensor ? tensor.data : new double[] {(Double) v};
            parts.add(part);
            total += part.length;
        }
        double[] flat = new double[total];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, flat, at, part.length);
            at += part.length;
        }
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put(wiring.param(), new Tensor(flat, flat.length));
        return out;
    }

    private static Object[] invoke(CallPlan plan, Class<?> training, Object[] args) {
        try {
            Object r = plan.handle(training).invokeWithArguments(args);
            return r instanceof Object[] a ? a : new Object[] {r};
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(plan.method() + " failed", t);
        }
    }
}
