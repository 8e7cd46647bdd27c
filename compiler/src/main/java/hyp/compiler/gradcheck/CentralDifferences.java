package hyp.compiler.gradcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient of ⟨ybar, f⟩ by central differences, (⟨ybar, f(x + h e_j)⟩ − ⟨ybar, f(x − h e_j)⟩)/2h with
 * h = {@value #STEP}·max(1, |x_j|), compared with the adjoint's. A coordinate is skipped when x ± h e_j takes
 * another path (branches, loop trips) or meets another side of a kink than x does ({@link KinkRecorder}): there
 * the difference straddles two smooth pieces and measures neither derivative. The def runs in the reference
 * interpreter, which records the path.
 */
final class CentralDifferences {
    /** h ≈ 7.6e-6 relative: truncation h²f''' and cancellation ε|f|/h both near 1e-10. */
    static final double STEP = 0x1p-17;

    /** The error (null when every coordinate was skipped) and how many coordinates were skipped. */
    record Outcome(Double error, int steps, int skipped) {}

    private CentralDifferences() {}

    /** {@code xbar[i]} is the adjoint's entry for coordinate {@code coordinates[i]}. */
    static Outcome compare(DerivativeCode code, List<Object> x, int[] coordinates, double[] ybar, double[] xbar, double floor) {
        KinkRecorder base = new KinkRecorder();
        InvalidPoint.guard(() -> code.value(x, base), "f(x) in the interpreter");
        double[] xFlat = Coordinates.flatten(x);
        List<double[]> compared = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < coordinates.length; i++) {
            int j = coordinates[i];
            double h = STEP * Math.max(1, Math.abs(xFlat[j]));
            double up = xFlat[j] + h, down = xFlat[j] - h;
            Double fUp = onSamePiece(code, Coordinates.with(x, j, up), ybar, base);
            Double fDown = fUp == null ? null : onSamePiece(code, Coordinates.with(x, j, down), ybar, base);
            if (fDown == null) {
                skipped++;
            } else {
                compared.add(new double[] {xbar[i], (fUp - fDown) / (up - down)});
            }
        }
        if (compared.isEmpty()) return new Outcome(null, coordinates.length, skipped);
        double[] adjoint = new double[compared.size()], differences = new double[compared.size()];
        for (int i = 0; i < adjoint.length; i++) {
            adjoint[i] = compared.get(i)[0];
            differences[i] = compared.get(i)[1];
        }
        return new Outcome(RelativeError.of(adjoint, differences, floor), coordinates.length, skipped);
    }

    /** ⟨ybar, f(x)⟩ when x is on the same smooth piece as the base point and f is finite there, else null. */
    private static Double onSamePiece(DerivativeCode code, List<Object> x, double[] ybar, KinkRecorder base) {
        KinkRecorder here = new KinkRecorder();
        Object value;
        try {
            value = code.value(x, here);
        } catch (RuntimeException e) {
            return null;
        }
        if (!here.signature().equals(base.signature())) return null;
        double[] v = Coordinates.flatten(List.of(value));
        return InvalidPoint.finite(v) ? Coordinates.dot(ybar, v) : null;
    }
}
