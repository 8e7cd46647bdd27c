package hyp.compiler.gradcheck;

import java.util.function.Supplier;

/** The def or its complex version throws or is not finite at a point: a reason to draw another, not a failed check. */
public final class InvalidPoint extends RuntimeException {
    InvalidPoint(String message) {
        super(message);
    }

    /** Runs a reference evaluation (the def or its complex version); its failures make the point invalid. */
    static <T> T guard(Supplier<T> evaluation, String what) {
        try {
            return evaluation.get();
        } catch (InvalidPoint e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidPoint(what + " failed: " + e);
        }
    }

    /** Throws unless every entry is finite. */
    static void requireFinite(double[] v, String what) {
        if (!finite(v)) throw new InvalidPoint(what + " is not finite");
    }

    static boolean finite(double[] v) {
        for (double d : v) if (!Double.isFinite(d)) return false;
        return true;
    }
}
