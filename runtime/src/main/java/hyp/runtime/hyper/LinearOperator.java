package hyp.runtime.hyper;

/** A square linear map given only by its action, e.g. a Hessian through Hessian-vector products. */
@FunctionalInterface
public interface LinearOperator {
    /** Writes A·x into {@code out} ({@code x} and {@code out} are distinct). */
    void apply(double[] x, double[] out);
}
