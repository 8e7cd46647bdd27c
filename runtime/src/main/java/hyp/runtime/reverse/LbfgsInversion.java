package hyp.runtime.reverse;

import hyp.runtime.hyper.InnerObjective;
import hyp.runtime.train.CompiledDynamics;
import hyp.runtime.hyper.NonFiniteValueException;
import hyp.runtime.train.Layout;
import java.util.Arrays;
import java.util.List;

/**
 * The standard library's {@code lbfgs} run backwards in plain doubles, with what its step destroys kept: the
 * seed's figure of the true and recomputed L-BFGS chains. The compiler cannot invert this step (the history
 * shift {@code s1 = s2} overwrites the oldest pair, and the Armijo search that picks the step length starts from
 * w), so the forward run keeps, per step, the dropped pair (s1, y1) and the accepted step length a. With those,
 * two inverses walk from s_T back to s_0:
 * <ul>
 *   <li><b>subtract</b> the kept step: w ← w − s3, g ← g − y3, history shifted back with the kept pair. Only
 *       rounding, no amplification: L-BFGS can be walked back at the price of two vectors per step.</li>
 *   <li><b>recompute</b> the step, as every other inverse in hyp does: g ← ∇L(w) − y3 with the gradient taken at
 *       the recovered w, the history restored as above, the direction r = H·g recomputed from it by the two-loop
 *       recursion, and w ← w + a·r. Exact in exact arithmetic; in doubles each step back multiplies the error of
 *       w by about (I + a·H·∇²L), which a quasi-Newton H ≈ (∇²L)⁻¹ makes about 2.</li>
 * </ul>
 * The step length is recovered from the true chain: a ≈ −(s3'·r)/(r·r) with r the direction recomputed at the
 * true s_t, then snapped to the grid lr·2^−k the Armijo search draws from, which makes it exact whenever the
 * estimate is within a factor √2 (it is, unless w barely moved; a step that left w unchanged keeps a = 0).
 */
public final class LbfgsInversion {
    /** The memory entries the library's lbfgs keeps beside w. */
    public static final List<String> MEMORY = List.of("s1", "s2", "s3", "y1", "y2", "y3", "g");
    /** The state entry of the until flag. */
    private static final String STOPPED = "stopped";

    /**
     * @param subtract       the chain recovered by subtracting the kept steps
     * @param recompute      the chain recovered by recomputing each step from the recovered state
     * @param stepLengths    the kept step length a_t of each step t = 0..T−1 (0 for a frozen step)
     * @param snappedSteps   how many of them were snapped exactly to lr·2^−k
     * @param growthPerStep  the geometric mean of ‖δw_{t−1}‖ / ‖δw_t‖ of the recomputed chain over the steps
     *                       where its error is above rounding (1e-13·max‖w‖) and below saturation
     *                       (1e-3·max‖w‖); NaN if there are none
     * @param growthSteps    how many steps that mean is over
     */
    public record Result(ChainDrift.Result subtract, ChainDrift.Result recompute, double[] stepLengths,
                         int snappedSteps, double growthPerStep, int growthSteps) {
        /** The step after which the until rule froze the forward chain, or −1. */
        public int stoppedAt() {
            return subtract.stoppedAt();
        }
    }

    private LbfgsInversion() {}

    /** Whether a state layout is that of the library's lbfgs: the trained parameter, then {@link #MEMORY}. */
    public static boolean fits(Layout state) {
        List<String> names = state.names();
        int memory = names.size() - (names.get(names.size() - 1).equals(STOPPED) ? 1 : 0);
        if (memory != MEMORY.size() + 1 || !names.subList(1, memory).equals(MEMORY)) return false;
        for (int k = 1; k < memory; k++) {
            if (!Arrays.equals(state.shapes().get(k), state.shapes().get(0))) return false;
        }
        return true;
    }

    /**
     * Runs {@code dynamics} (the compiled lbfgs step) {@code steps} steps from {@code state0}, then back with
     * both inverses; {@code objective}'s gradient is the training loss's, as the step's grad(w) computes it.
     *
     * @param lr the optimizer's lr (the Armijo search's first step length), or NaN to keep the estimates unsnapped
     */
    public static Result run(CompiledDynamics dynamics, InnerObjective objective, double[] state0, double[] hyper,
                             int steps, double lr) {
        Layout layout = dynamics.stateLayout();
        if (!fits(layout)) throw new IllegalArgumentException("not the library lbfgs's state: " + layout.names());
        int n = layout.size(0);
        int stopSlot = layout.names().get(layout.count() - 1).equals(STOPPED) ? layout.offset(layout.count() - 1) : -1;
        if ((long) (steps + 1) * layout.size() > 200_000_000L) {
            throw new IllegalArgumentException("chain of " + steps + " steps of " + layout.size() + " values is too large to keep for the comparison");
        }
        double[][] truth = new double[steps + 1][];
        double[] lengths = new double[steps];
        double[][] keptS = new double[steps][], keptY = new double[steps][];
        truth[0] = state0.clone();
        int stoppedAt = -1, snapped = 0;
        double[] r = new double[n];
        for (int t = 0; t < steps; t++) {
            if (stoppedAt >= 0) {            // frozen: the until rule held at an earlier step
                truth[t + 1] = truth[t];
                continue;
            }
            double[] next = new double[layout.size()];
            dynamics.step(t, truth[t], hyper, next);
            int bad = Layout.firstNonFinite(next);
            if (bad >= 0) {
                String entry = layout.entryName(bad);
                throw new NonFiniteValueException("state '" + entry.replaceFirst("\\[.*", "") + "'",
                        "after step " + (t + 1), t + 1, entry, next[bad], "the lbfgs run diverged");
            }
            truth[t + 1] = next;
            keptS[t] = Arrays.copyOfRange(truth[t], off(layout, "s1"), off(layout, "s1") + n);
            keptY[t] = Arrays.copyOfRange(truth[t], off(layout, "y1"), off(layout, "y1") + n);
            LbfgsDirection.compute(part(layout, truth[t], "g"), history(layout, truth[t], "s"), history(layout, truth[t], "y"), r);
            double rr = LbfgsDirection.dot(r, r);
            double estimate = rr > 0 ? -LbfgsDirection.dot(part(layout, next, "s3"), r) / rr : 0.0;
            lengths[t] = snap(estimate, lr);
            if (lengths[t] > 0 && onGrid(lengths[t], lr)) snapped++;
            if (stopSlot >= 0 && next[stopSlot] != 0.0) stoppedAt = t;
        }
        int element = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(truth[steps][i] - truth[0][i]) > Math.abs(truth[steps][element] - truth[0][element])) element = i;
        }
        Walk walk = new Walk(layout, truth, element, stoppedAt, stopSlot);
        ChainDrift.Result subtract = walk.back((t, s) -> {
            int w = 0, g = off(layout, "g"), s3 = off(layout, "s3"), y3 = off(layout, "y3");
            for (int i = 0; i < n; i++) {
                s[w + i] -= s[s3 + i];
                s[g + i] -= s[y3 + i];
            }
            shiftBack(layout, s, keptS[t], keptY[t]);
        });
        double[] grad = new double[n], wv = new double[n];
        ChainDrift.Result recompute = walk.back((t, s) -> {
            int g = off(layout, "g"), y3 = off(layout, "y3");
            System.arraycopy(s, 0, wv, 0, n);
            objective.gradW(wv, hyper, grad);
            for (int i = 0; i < n; i++) s[g + i] = grad[i] - s[y3 + i];
            shiftBack(layout, s, keptS[t], keptY[t]);
            LbfgsDirection.compute(part(layout, s, "g"), history(layout, s, "s"), history(layout, s, "y"), r);
            for (int i = 0; i < n; i++) s[i] = s[i] + lengths[t] * r[i];
        });
        double scale = 0;
        for (double v : recompute.parameterNorm()) scale = Math.max(scale, v);
        double logSum = 0;
        int counted = 0;
        double[] e = recompute.parameterError();
        for (int t = steps; t >= 1; t--) {
            if (e[t] >= 1e-13 * scale && e[t - 1] <= 1e-3 * scale && Double.isFinite(e[t - 1])) {
                logSum += Math.log(e[t - 1] / e[t]);
                counted++;
            }
        }
        double growth = counted > 0 ? Math.exp(logSum / counted) : Double.NaN;
        return new Result(subtract, recompute, lengths, snapped, growth, counted);
    }

    /**
     * The Armijo search's step length nearest the estimate: lr·2^−k (each halving is exact in binary), if the
     * estimate is within a quarter of it; otherwise the estimate itself. A step that did not move w keeps 0.
     */
    static double snap(double estimate, double lr) {
        if (!(estimate > 0)) return 0.0;
        if (!(lr > 0) || !Double.isFinite(lr)) return estimate;
        long k = Math.min(2000, Math.max(0, Math.round(Math.log(lr / estimate) / Math.log(2))));
        double a = lr;
        for (long j = 0; j < k && a > 0; j++) a = 0.5 * a;
        return Math.abs(a / estimate - 1) < 0.25 ? a : estimate;
    }

    /** Whether a is lr·2^−k for some k ≥ 0. */
    private static boolean onGrid(double a, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) return false;
        double ratio = lr / a;
        return ratio >= 1 && Math.getExponent(ratio) >= 0 && ratio == Math.scalb(1.0, Math.getExponent(ratio));
    }

    /** s3 ← s2 ← s1 ← kept s1, the same for y: the history shift of the step, undone. */
    private static void shiftBack(Layout layout, double[] s, double[] s1, double[] y1) {
        int n = layout.size(0);
        for (String v : List.of("s", "y")) {
            int o1 = off(layout, v + "1"), o2 = off(layout, v + "2"), o3 = off(layout, v + "3");
            System.arraycopy(s, o2, s, o3, n);
            System.arraycopy(s, o1, s, o2, n);
            System.arraycopy(v.equals("s") ? s1 : y1, 0, s, o1, n);
        }
    }

    private static int off(Layout layout, String name) {
        return layout.offset(layout.names().indexOf(name));
    }

    private static double[] part(Layout layout, double[] state, String name) {
        int o = off(layout, name);
        return Arrays.copyOfRange(state, o, o + layout.size(0));
    }

    private static double[][] history(Layout layout, double[] state, String v) {
        return new double[][] {part(layout, state, v + "1"), part(layout, state, v + "2"), part(layout, state, v + "3")};
    }

    /** One inverse step in place: from s_{t+1} to s_t, t the 0-based step undone. */
    private interface InverseStep {
        void undo(int t, double[] state);
    }

    /** Walks an inverse from the true s_T to s_0 and measures each recovered state against the true one. */
    private record Walk(Layout layout, double[][] truth, int element, int stoppedAt, int stopSlot) {
        ChainDrift.Result back(InverseStep inverse) {
            int steps = truth.length - 1, w = layout.size(0);
            int memory = stopSlot >= 0 ? stopSlot : layout.size();
            double[] s = truth[steps].clone();
            ChainDrift.Distances distances = new ChainDrift.Distances(truth, w, memory, element);
            for (int t = steps; ; t--) {
                distances.at(t, s);
                if (t == 0) break;
                // Steps after the one where the until rule held kept the state: their inverse is the identity.
                if (stoppedAt < 0 || t - 1 <= stoppedAt) inverse.undo(t - 1, s);
            }
            return distances.result(stoppedAt);
        }
    }
}
