package hyp.runtime.reverse;

import java.util.Arrays;

/**
 * Runs a chain forward T steps, keeping every state (this is a diagnostic, not a strategy), then backwards
 * with the step's inverse, and measures how far each recovered s_t is from the true one: the seed's figure
 * of true and recomputed chains.
 */
public final class ChainDrift {
    /**
     * @param parameterError  ‖w_t(recovered) − w_t(true)‖ for t = 0..T (w is the trained parameter)
     * @param stateError      the same over the whole memory state (w and the optimizer's memory)
     * @param parameterNorm   ‖w_t(true)‖
     * @param trueFirst       w_t[i] of the true chain, i the element that moved most between s_0 and s_T
     * @param recoveredFirst  the same element of the recovered chain
     * @param element         that element's index
     * @param stoppedAt       the step after which the until rule froze the forward chain, or −1
     */
    public record Result(double[] parameterError, double[] stateError, double[] parameterNorm,
                         double[] trueFirst, double[] recoveredFirst, int element, int stoppedAt) {
        /** The number of steps T. */
        public int steps() {
            return parameterError.length - 1;
        }

        /** The largest error of w over the chain (NaN if the recovered chain reached NaN). */
        public double maxParameterError() {
            double m = 0;
            for (double e : parameterError) {
                if (Double.isNaN(e)) return Double.NaN;
                m = Math.max(m, e);
            }
            return m;
        }

        /** The largest t whose recovered w differs from the true one by more than {@code tolerance}, or −1. */
        public int lastStepAbove(double tolerance) {
            for (int t = parameterError.length - 1; t >= 0; t--) {
                if (!(parameterError[t] <= tolerance)) return t;
            }
            return -1;
        }
    }

    private ChainDrift() {}

    /** Forward {@code steps} from s_0, then back to s_0 with the same {@link ReversibleStep}. */
    public static Result run(ReversibleStep step, double[] state0, double[] hyper, int steps) {
        UpdateSequence seq = step.sequence();
        int n = seq.memorySize(), w = seq.state().size(0);
        if ((long) (steps + 1) * n > 200_000_000L) {
            throw new IllegalArgumentException("chain of " + steps + " steps of " + n + " values is too large to keep for the comparison");
        }
        step.start(state0, hyper);
        double[][] truth = new double[steps + 1][];
        double[] view = new double[seq.state().size()];
        for (int t = 0; ; t++) {
            step.view(view);
            truth[t] = Arrays.copyOf(view, n);
            if (t == steps) break;
            step.forward();
        }
        int stoppedAt = step.stoppedAt();
        int element = 0;
        for (int i = 1; i < w; i++) {
            if (Math.abs(truth[steps][i] - truth[0][i]) > Math.abs(truth[steps][element] - truth[0][element])) element = i;
        }
        Distances distances = new Distances(truth, w, n, element);
        for (int t = steps; ; t--) {
            step.view(view);
            distances.at(t, view);
            if (t == 0) break;
            step.inverse();
        }
        return distances.result(stoppedAt);
    }

    /** ‖w_t(recovered) − w_t(true)‖ and the same over the whole state, filled in as a walk back reaches each t. */
    static final class Distances {
        private final double[][] truth;
        private final int w, memory, element;
        private final double[] pe, se, norm, tf, rf;

        /** @param w entries of the trained parameter; memory entries compared (the state without its until flag) */
        Distances(double[][] truth, int w, int memory, int element) {
            this.truth = truth;
            this.w = w;
            this.memory = memory;
            this.element = element;
            int n = truth.length;
            pe = new double[n];
            se = new double[n];
            norm = new double[n];
            tf = new double[n];
            rf = new double[n];
        }

        void at(int t, double[] recovered) {
            double wErr = 0, sErr = 0, wNorm = 0;
            for (int i = 0; i < memory; i++) {
                double d = recovered[i] - truth[t][i];
                sErr += d * d;
                if (i < w) {
                    wErr += d * d;
                    wNorm += truth[t][i] * truth[t][i];
                }
            }
            pe[t] = Math.sqrt(wErr);
            se[t] = Math.sqrt(sErr);
            norm[t] = Math.sqrt(wNorm);
            tf[t] = truth[t][element];
            rf[t] = recovered[element];
        }

        Result result(int stoppedAt) {
            return new Result(pe, se, norm, tf, rf, element, stoppedAt);
        }
    }
}
