package hyp.runtime.hyper;

import java.util.function.Supplier;

/**
 * The tune statement's outer loop as {@code hyp tune} and the embedding {@code Solver} both run it: with
 * {@code implicit}, the implicit loop (inner argmin from a warm start, CG, update); otherwise the greedy loop, each
 * round differentiating {@code stepsPerRound} warm-started optimizer steps by the method, or, when the tuned hypers
 * shape the run itself ({@code wholeRuns}: settings, the start), training all {@code trainSteps} from the start.
 */
public record Tuning(HypergradientMethod method, int trainSteps, int rounds, int stepsPerRound, boolean wholeRuns) {
    public Tuning {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        if (stepsPerRound < 1) throw new IllegalArgumentException("steps per round must be >= 1, got " + stepsPerRound);
    }

    /** The plan, with K given, else all T for whole runs, else ⌈T/rounds⌉ so tuning trains about as long as one run. */
    public static Tuning of(HypergradientMethod method, int trainSteps, int rounds, Integer stepsPerRound, boolean wholeRuns) {
        int k = wholeRuns ? trainSteps : stepsPerRound != null ? stepsPerRound : Math.max(1, (trainSteps + rounds - 1) / rounds);
        return new Tuning(method, trainSteps, rounds, k, wholeRuns);
    }

    /** The steps the tuning run reaches, for checking per-step schedules: warm-started rounds count on past T. */
    public int runSteps() {
        return wholeRuns ? trainSteps : Math.max(trainSteps, Math.multiplyExact(rounds, stepsPerRound));
    }

    /**
     * Runs the loop from {@code hyper}. {@code objective} is asked for only by {@code implicit}, {@code reversible}
     * only by reversible learning (a strategy for {@code stepsPerRound} steps).
     *
     * @throws IllegalArgumentException for the complex step, which checks one hypergradient and does not tune
     */
    public TuningResult run(Dynamics dynamics, double[] hyper, OuterUpdate update, Supplier<InnerObjective> objective,
                            Implicit.Options cg, Supplier<HypergradientStrategy> reversible, TuningListener listener) {
        if (method instanceof HypergradientMethod.Implicit) {
            ImplicitTuner tuner = new ImplicitTuner(new Implicit(cg), update, new ImplicitTuner.Options(trainSteps, 1e-9, 10));
            return tuner.tune(dynamics, objective.get(), hyper, rounds, listener);
        }
        HypergradientStrategy strategy;
        if (method instanceof HypergradientMethod.Reversible) {
            strategy = reversible.get();
        } else if (method instanceof HypergradientMethod.Standalone s) {
            strategy = s.strategy(stepsPerRound);
        } else {
            throw new IllegalArgumentException("the complex step checks one hypergradient; it does not tune");
        }
        GreedyTuner tuner = wholeRuns ? GreedyTuner.wholeRuns(strategy, stepsPerRound, update)
                : new GreedyTuner(strategy, stepsPerRound, update);
        return tuner.tune(dynamics, hyper, rounds, listener);
    }
}
