package hyp.compiler.gradcheck;

/**
 * What a derivative check compares, each with the tolerance {@code hyp check} holds it to. Errors are relative:
 * the largest difference over all coordinates divided by the largest magnitude of the reference, or by a floor
 * set by the def's own scale when that is larger (see {@link PointCheck}).
 *
 * <ul>
 *   <li>Adjoint and tangent code against the complex step: both are exact up to rounding (the complex step has
 *       no subtraction), so only rounding in long sums separates them: 1e-10.
 *   <li>Adjoint against central differences, whose truncation (h² f''') and cancellation (ε|f|/h) errors are about
 *       1e-10 with h ≈ 8e-6: 1e-5.
 *   <li>Hessian-vector products (the tangent of the adjoint) against the complex step of the adjoint code: the
 *       adjoint code's rounding enters both: 1e-8.
 * </ul>
 */
public enum Comparison {
    ADJOINT("adjoint vs complex step", 1e-10),
    TANGENT("tangent vs complex step", 1e-10),
    CENTRAL("adjoint vs central differences", 1e-5),
    HESSIAN_VECTOR("Hessian-vector vs complex step of adjoint", 1e-8);

    /** How the table names it. */
    public final String label;
    /** The largest relative error {@code hyp check} accepts. */
    public final double tolerance;

    Comparison(String label, double tolerance) {
        this.label = label;
        this.tolerance = tolerance;
    }
}
