package hyp.runtime.train;

import hyp.runtime.hyper.InnerObjective;
import java.util.Arrays;

/**
 * An {@link InnerObjective} driven by generated code: the training loss's gradient in w, its tangent-of-adjoint
 * (which gives both H·v and the mixed product ∂²L/∂λ∂w·v in one call), and the validation loss with its gradient.
 * w is the trained parameter alone (state entry 0).
 */
public final class CompiledObjective implements InnerObjective {
    private final Layout w;
    private final Layout hyper;
    private final GeneratedCall gradient, secondOrder, outer, outerAdjoint;
    private final int[] hyperOrder;

    /**
     * @param gradient    (w, context..., bar) -> (value, wbar)
     * @param secondOrder (w, context..., bar, dw) -> (value, wbar, hyperbars..., dvalue, dwbar, dhyperbars...)
     * @param hyperOrder  for each hyperbar result of secondOrder, the hyperparameter entry it belongs to
     */
    public CompiledObjective(Layout w, Layout hyper, GeneratedCall gradient, GeneratedCall secondOrder,
                             GeneratedCall outer, GeneratedCall outerAdjoint, int[] hyperOrder) {
        this.w = w;
        this.hyper = hyper;
        this.gradient = gradient;
        this.secondOrder = secondOrder;
        this.outer = outer;
        this.outerAdjoint = outerAdjoint;
        this.hyperOrder = hyperOrder.clone();
    }

    @Override
    public int paramSize() {
        return w.size();
    }

    @Override
    public int hyperSize() {
        return hyper.size();
    }

    /** The training loss L_tr(w, λ); writes ∇_w L_tr into {@code out} (one call of the generated adjoint code). */
    public double valueAndGradW(double[] wv, double[] h, double[] out) {
        Object[] r = gradient.call(gradient.arguments.build(w, wv, hyper, h, 0, new Object[] {1.0}));
        w.put(out, 0, r[1]);
        return (Double) r[0];
    }

    @Override
    public void gradW(double[] wv, double[] h, double[] out) {
        Object[] r = gradient.call(gradient.arguments.build(w, wv, hyper, h, 0, new Object[] {1.0}));
        w.put(out, 0, r[1]);
    }

    private Object[] second(double[] wv, double[] h, double[] v) {
        Object[] seeds = {1.0, w.get(v, 0)};
        return secondOrder.call(secondOrder.arguments.build(w, wv, hyper, h, 0, seeds));
    }

    @Override
    public void hessianVector(double[] wv, double[] h, double[] v, double[] out) {
        Object[] r = second(wv, h, v);
        // (value, wbar, hyperbars..., dvalue, dwbar, dhyperbars...)
        w.put(out, 0, r[2 + hyperOrder.length + 1]);
    }

    @Override
    public void mixedVjp(double[] wv, double[] h, double[] x, double[] hyperBar) {
        Object[] r = second(wv, h, x);
        for (int k = 0; k < hyperOrder.length; k++) hyper.add(hyperBar, hyperOrder[k], r[2 + hyperOrder.length + 2 + k]);
    }

    @Override
    public double outerLoss(double[] wv, double[] h) {
        return (Double) outer.call(outer.arguments.build(w, wv, hyper, h, 0, null))[0];
    }

    @Override
    public void outerGradient(double[] wv, double[] h, double[] wBar, double[] hyperBar) {
        Object[] r = outerAdjoint.call(outerAdjoint.arguments.build(w, wv, hyper, h, 0, new Object[] {1.0}));
        Arrays.fill(wBar, 0.0);
        Arrays.fill(hyperBar, 0.0);
        outerAdjoint.scatter(r, w, wBar, hyper, hyperBar);
    }
}
