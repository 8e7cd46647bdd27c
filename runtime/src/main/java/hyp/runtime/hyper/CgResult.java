package hyp.runtime.hyper;

/**
 * How a conjugate-gradient solve ended.
 *
 * @param status               why it stopped
 * @param iterations           CG iterations run
 * @param relativeResidual     ‖b − A x‖ / ‖b‖ at the returned x (recurrence value)
 * @param operatorApplications products A·v computed
 * @param curvature            pᵀA p of the last search direction (≤ 0 when status is NEGATIVE_CURVATURE)
 */
public record CgResult(Status status, int iterations, double relativeResidual, int operatorApplications,
                       double curvature) {
    /** Why CG stopped. */
    public enum Status {
        /** Relative residual at or below the tolerance. */
        CONVERGED,
        /** Iteration cap reached first. */
        ITERATION_LIMIT,
        /** A search direction with pᵀA p ≤ 0: the operator is not positive definite. */
        NEGATIVE_CURVATURE,
        /** A NaN or infinity appeared in the operator's output or the iterates. */
        NON_FINITE
    }

    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** One line for error messages and logs. */
    public String describe() {
        String what = switch (status) {
            case CONVERGED -> "converged";
            case ITERATION_LIMIT -> "did not converge within the iteration cap";
            case NEGATIVE_CURVATURE -> "met non-positive curvature pᵀAp = " + curvature
                    + " (operator not positive definite; try damping)";
            case NON_FINITE -> "produced a non-finite value";
        };
        return "CG " + what + " after " + iterations + " iterations, relative residual " + relativeResidual;
    }
}
