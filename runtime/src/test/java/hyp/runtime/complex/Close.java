package hyp.runtime.complex;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions of relative closeness, with messages that show both numbers. */
final class Close {
    private Close() {}

    /** |actual − expected| ≤ tol·max(|expected|, tiny); exact agreement is required for zero or non-finite values. */
    static void relative(String what, double expected, double actual, double tol) {
        if (expected == actual) return;
        double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        if (!(error <= tol)) fail(what + ": expected " + expected + " but got " + actual + " (relative error " + error + ")");
    }

    /** |actual − expected| ≤ tol·max(|expected|, tiny), with the modulus of complex numbers. */
    static void complex(String what, Complex expected, Complex actual, double tol) {
        double error = Math.hypot(actual.re() - expected.re(), actual.im() - expected.im())
                / Math.max(expected.modulus(), Double.MIN_NORMAL);
        if (!(error <= tol)) fail(what + ": expected " + expected + " but got " + actual + " (relative error " + error + ")");
    }
}
