package hyp.compiler.gradcheck;

/**
 * The error of a derivative against a reference, both flattened to vectors: max_i |a_i − r_i| / scale, where the
 * scale is the largest magnitude of the reference (or a given floor, if larger). Scaling by the whole vector
 * rather than entry by entry keeps tiny entries, which cancellation makes inexact in every method, from
 * dominating. A zero reference with no floor compares absolutely. NaN or infinite entries give an infinite error.
 */
public final class RelativeError {
    private RelativeError() {}

    public static double of(double[] actual, double[] reference) {
        return of(actual, reference, 0.0);
    }

    public static double of(double[] actual, double[] reference, double floor) {
        if (actual.length != reference.length) {
            throw new IllegalArgumentException(actual.length + " values against " + reference.length + " in the reference");
        }
        double scale = floor, diff = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i]) || !Double.isFinite(reference[i])) return Double.POSITIVE_INFINITY;
            scale = Math.max(scale, Math.abs(reference[i]));
            diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
        }
        if (diff == 0) return 0;
        return scale > 0 ? diff / scale : diff;
    }
}
