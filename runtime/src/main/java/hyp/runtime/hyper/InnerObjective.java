package hyp.runtime.hyper;

/**
 * What implicit differentiation needs at an (approximate) inner optimum w* of the training loss L_tr(w, λ),
 * together with the outer loss L_te(w, λ). Methods must not allocate: CG calls {@link #hessianVector}
 * once per iteration.
 */
public interface InnerObjective {
    /** Length of w. */
    int paramSize();

    /** Length of λ. */
    int hyperSize();

    /** Writes ∇_w L_tr(w, λ) into {@code out}. */
    void gradW(double[] w, double[] hyper, double[] out);

    /** Writes the Hessian-vector product ∇²_ww L_tr(w, λ) · v into {@code out}. */
    void hessianVector(double[] w, double[] hyper, double[] v, double[] out);

    /** Adds the mixed product (∂²L_tr/∂λ∂w) · x, a vector of length |λ|, into {@code hyperBar}. */
    void mixedVjp(double[] w, double[] hyper, double[] x, double[] hyperBar);

    /** The outer (validation) loss L_te(w, λ). */
    double outerLoss(double[] w, double[] hyper);

    /** Writes ∇_w L_te into {@code wBar} and ∇_λ L_te into {@code hyperBar} (both overwritten). */
    void outerGradient(double[] w, double[] hyper, double[] wBar, double[] hyperBar);
}
