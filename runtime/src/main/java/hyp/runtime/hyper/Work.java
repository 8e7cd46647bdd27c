package hyp.runtime.hyper;

/**
 * Work a strategy did.
 *
 * @param forwardSteps          calls of {@link Dynamics#step}, including recomputations
 * @param adjointSteps          calls of {@link Dynamics#stepAdjoint}
 * @param hessianVectorProducts calls of {@link InnerObjective#hessianVector}
 * @param cgIterations          conjugate-gradient iterations
 */
public record Work(long forwardSteps, long adjointSteps, long hessianVectorProducts, long cgIterations) {
    /** Work of a run through the dynamics only. */
    public static Work ofSteps(long forwardSteps, long adjointSteps) {
        return new Work(forwardSteps, adjointSteps, 0, 0);
    }

    /** Component-wise sum, for totals over several calls. */
    public Work plus(Work other) {
        return new Work(forwardSteps + other.forwardSteps, adjointSteps + other.adjointSteps,
                hessianVectorProducts + other.hessianVectorProducts, cgIterations + other.cgIterations);
    }
}
