package hyp.runtime.hyper;

/** Numerical trouble in a hypergradient computation: non-finite values, CG failure, a singular system. */
public class HypergradientException extends RuntimeException {
    public HypergradientException(String message) {
        super(message);
    }
}
