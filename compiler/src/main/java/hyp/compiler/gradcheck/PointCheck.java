package hyp.compiler.gradcheck;

import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The comparisons of {@link Comparison} at one point x of a def f, with the cotangent ybar (1 for a real result, a
 * random tensor for a tensor one) and a random direction d:
 *
 * <ul>
 *   <li>the adjoint's xbar against the gradient of ⟨ybar, f⟩ by complex step, one complex evaluation per
 *       coordinate: Im ⟨ybar, f(x + iεe_j)⟩/ε (at most {@value #MAX_COORDINATES} coordinates per point);
 *   <li>the tangent's dy against Im f(x + iεd)/ε;
 *   <li>the adjoint's xbar against {@link CentralDifferences} (steps across a kink or branch skipped);
 *   <li>the Hessian-vector code's dxbar (dx = d, dybar = 0) against the complex step of the adjoint code along
 *       (d, 0).
 * </ul>
 *
 * <p>Errors are relative ({@link RelativeError}) to the larger of the reference's largest entry and a floor. The
 * floor is a fraction ({@link Settings#floor}, {@value #FLOOR} for {@code hyp check}) of the size the derivative
 * would have if a quantity changed by its own size over a change of the inputs by theirs, X = max(1, max|x_j|):
 * V/X for gradients with V = Σ|ybar_i·f_i|, max|f_i|·D/X for tangents (D = max|d_j|), and max(G, V/X)·D/X for
 * Hessian-vector products, G being the largest entry of the gradient. Without it a derivative that vanishes
 * analytically, but is computed as the rounding left over from larger terms (the diagonal of a Gaussian kernel,
 * whose distances are |u|² + |u|² − 2u·u), would compare noise with noise.
 *
 * <p>With {@link Settings#roundingAllowance}, the floor is also raised to where the rounding noise measured in
 * this very computation, times {@value #NOISE_MARGIN}, reaches the tolerance. The noise is how much both sides
 * change when every input moves by a few units in the last place ({@link #nudged}): far too little to change the
 * derivative, but enough to change how every operation rounds, so it shows how much rounding the def's own
 * cancellations amplify (the kernel's distances again: with length scales e^−ℓ of 5 its intermediate sums are a
 * hundred times its value). For central differences the noise of ⟨ybar, f⟩ is divided by the step. A wrong rule
 * is off by far more than rounding, so the allowance never hides one.
 */
public final class PointCheck {
    /** The complex step ε: far below the rounding of x, far above underflow. */
    public static final double COMPLEX_STEP = 1e-20;
    /** The smallest complex step taken, so that ε·f'(x) stays clear of subnormal numbers. */
    public static final double SMALLEST_STEP = 1e-150;
    /** The floor of every error's scale for {@code hyp check}, relative to the def's own scale. */
    public static final double FLOOR = 1e-3;
    /** Inputs move by up to this many units in the last place to measure rounding. */
    public static final int NUDGE = 4;
    /**
     * The coordinate-wise comparisons (the gradient by complex step and by central differences, one or two
     * evaluations per coordinate) look at this many coordinates at most, chosen at random at each point, so that
     * a def of images costs no more than one of a few numbers; the tangent and Hessian-vector products always
     * move every coordinate.
     */
    public static final int MAX_COORDINATES = 64;
    /** A difference within this many times the measured rounding noise is within tolerance. */
    public static final double NOISE_MARGIN = 10;

    private PointCheck() {}

    /** Whether to compare with central differences, the floor of error scales, and whether to allow for rounding. */
    public record Settings(boolean central, double floor, boolean roundingAllowance) {
        /** What {@code hyp check} does. */
        public static final Settings CHECK = new Settings(true, FLOOR, true);
    }

    /**
     * The errors found at one point ({@link Comparison#CENTRAL} missing when every step was skipped or central
     * differences were not asked for), how many central steps were taken and how many skipped.
     */
    public record Result(Map<Comparison, Double> errors, int steps, int skippedSteps) {}

    public static Result at(DerivativeCode code, List<Object> x, Random random) {
        return at(code, x, random, Settings.CHECK);
    }

    /** @throws InvalidPoint if the def or its complex step throws or is not finite at x */
    public static Result at(DerivativeCode code, List<Object> x, Random random, Settings settings) {
        Object y = InvalidPoint.guard(() -> code.value(x), "f(x)");
        double[] yFlat = Coordinates.flatten(List.of(y));
        InvalidPoint.requireFinite(yFlat, "f(x)");
        Object ybar = y instanceof Tensor ? RandomInputs.gaussianLike(y, random) : (Object) 1.0;
        double[] ybarFlat = Coordinates.flatten(List.of(ybar)), xFlat = Coordinates.flatten(x);
        double eps = complexStep(xFlat), inputs = Math.max(1, largest(xFlat)), value = 0;
        for (int i = 0; i < yFlat.length; i++) value += Math.abs(ybarFlat[i] * yFlat[i]);
        Map<Comparison, Double> errors = new EnumMap<>(Comparison.class);
        List<Object> near = settings.roundingAllowance() ? nudged(x, random) : null;

        // the adjoint against the complex-step gradient of <ybar, f>, coordinate by coordinate
        int[] coordinates = coordinates(xFlat.length, random);
        Side gradient = at -> {
            double[] g = new double[coordinates.length];
            for (int i = 0; i < g.length; i++) {
                int j = coordinates[i];
                List<Object> z = Coordinates.complexStep(at, Coordinates.unit(at, j), eps);
                g[i] = Coordinates.dot(ybarFlat, InvalidPoint.guard(() -> imaginary(code.complexValue(z), eps), "complex step"));
            }
            InvalidPoint.requireFinite(g, "the complex-step gradient");
            return g;
        };
        double[] reference = gradient.at(x);
        Side adjoint = at -> pick(tail(code.adjoint(at, ybar), 1), coordinates);
        double[] xbar = adjoint.at(x);
        double gradientFloor = settings.floor() * value / inputs;
        errors.put(Comparison.ADJOINT, compare(Comparison.ADJOINT, xbar, reference, gradientFloor,
                near == null ? 0 : Math.max(noise(adjoint.at(near), xbar), noise(gradient.at(near), reference))));

        // the tangent along a random direction d against Im f(x + iεd)/ε
        List<Object> direction = new ArrayList<>(), full = new ArrayList<>();
        for (Object v : x) {
            Object d = Coordinates.real(v) ? RandomInputs.gaussianLike(v, random) : null;
            full.add(d);
            if (d != null) direction.add(d);
        }
        double step = largest(Coordinates.flatten(direction));
        Side tangent = at -> Coordinates.flatten(code.tangent(at, direction).subList(1, 2));
        Side dy = at -> {
            double[] d = InvalidPoint.guard(() -> imaginary(code.complexValue(Coordinates.complexStep(at, full, eps)), eps), "complex step");
            InvalidPoint.requireFinite(d, "the complex-step tangent");
            return d;
        };
        errors.put(Comparison.TANGENT, compare(Comparison.TANGENT, tangent, dy, x, near, settings.floor() * largest(yFlat) * step / inputs));

        // the tangent of the adjoint (dx = d, dybar = 0) against the complex step of the adjoint code along (d, 0)
        int k = direction.size();
        Object dybar = Coordinates.zeroLike(ybar);
        List<Object> along = new ArrayList<>(full);
        along.add(null);
        Side hvp = at -> Coordinates.flatten(code.hessianVector(at, ybar, direction, dybar).subList(2 + k, 2 + 2 * k));
        Side hv = at -> {
            List<Object> with = new ArrayList<>(at);
            with.add(ybar);
            return Coordinates.imaginary(code.complexAdjoint(Coordinates.complexStep(with, along, eps)).subList(1, 1 + k), eps);
        };
        double[] hvAtX = hv.at(x);
        if (InvalidPoint.finite(hvAtX)) {
            double[] product = hvp.at(x);
            double noise = near == null ? 0 : Math.max(noise(hvp.at(near), product), noise(hv.at(near), hvAtX));
            errors.put(Comparison.HESSIAN_VECTOR, compare(Comparison.HESSIAN_VECTOR, product, hvAtX,
                    settings.floor() * Math.max(largest(reference), value / inputs) * step / inputs, noise));
        }

        if (!settings.central()) return new Result(errors, 0, 0);
        double centralFloor = gradientFloor;
        if (near != null) {
            Object moved = InvalidPoint.guard(() -> code.value(near), "f(x)");
            double valueNoise = Math.abs(Coordinates.dot(ybarFlat, Coordinates.flatten(List.of(moved))) - Coordinates.dot(ybarFlat, yFlat));
            if (Double.isFinite(valueNoise)) {
                centralFloor = Math.max(centralFloor, NOISE_MARGIN * valueNoise / CentralDifferences.STEP / Comparison.CENTRAL.tolerance);
            }
        }
        CentralDifferences.Outcome cd = CentralDifferences.compare(code, x, coordinates, ybarFlat, xbar, centralFloor);
        if (cd.error() != null) errors.put(Comparison.CENTRAL, cd.error());
        return new Result(errors, cd.steps(), cd.skipped());
    }

    /** One side of a comparison as a function of the point. */
    private interface Side {
        double[] at(List<Object> x);
    }

    /** Both sides at x, and (for the rounding allowance) again at the nudged point. */
    private static double compare(Comparison c, Side actual, Side reference, List<Object> x, List<Object> near, double floor) {
        double[] a = actual.at(x), r = reference.at(x);
        double noise = near == null ? 0 : Math.max(noise(actual.at(near), a), noise(reference.at(near), r));
        return compare(c, a, r, floor, noise);
    }

    /** The relative error, its scale raised to where {@value #NOISE_MARGIN} times the noise meets the tolerance. */
    private static double compare(Comparison c, double[] actual, double[] reference, double floor, double noise) {
        return RelativeError.of(actual, reference, Math.max(floor, NOISE_MARGIN * noise / c.tolerance));
    }

    /** All coordinates, or {@value #MAX_COORDINATES} of them chosen at random, in increasing order. */
    static int[] coordinates(int n, Random random) {
        if (n <= MAX_COORDINATES) return IntStream.range(0, n).toArray();
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < n; j++) all.add(j);
        Collections.shuffle(all, random);
        return all.subList(0, MAX_COORDINATES).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static double[] pick(double[] v, int[] coordinates) {
        double[] out = new double[coordinates.length];
        for (int i = 0; i < out.length; i++) out[i] = v[coordinates[i]];
        return out;
    }

    /**
     * ε = {@value #COMPLEX_STEP} · min(1, smallest nonzero |x_j|), at least {@value #SMALLEST_STEP}: the step
     * must stay far below the scale on which f varies, which near x_j = 1e-100 (for log or sqrt) is x_j itself.
     */
    static double complexStep(double[] x) {
        double scale = 1;
        for (double v : x) if (v != 0) scale = Math.min(scale, Math.abs(v));
        return Math.max(COMPLEX_STEP * scale, SMALLEST_STEP);
    }

    /** The largest change between two evaluations of one quantity (0 if either is not finite). */
    private static double noise(double[] other, double[] plain) {
        double n = 0;
        for (int i = 0; i < plain.length; i++) n = Math.max(n, Math.abs(other[i] - plain[i]));
        return Double.isFinite(n) ? n : 0;
    }

    /**
     * x with every real coordinate moved by up to {@value #NUDGE} units in the last place: x_j·(1 + k·2^-52), k
     * uniform in [−{@value #NUDGE}, {@value #NUDGE}]; ints and bools as they are.
     */
    static List<Object> nudged(List<Object> x, Random random) {
        List<Object> out = new ArrayList<>();
        for (Object v : x) {
            if (v instanceof Double d) {
                out.add(d * (1 + (random.nextInt(2 * NUDGE + 1) - NUDGE) * 0x1p-52));
            } else if (v instanceof Tensor t) {
                Tensor n = t.copy();
                for (int i = 0; i < n.size(); i++) n.data[i] *= 1 + (random.nextInt(2 * NUDGE + 1) - NUDGE) * 0x1p-52;
                out.add(n);
            } else {
                out.add(v);
            }
        }
        return out;
    }

    private static double[] imaginary(Object complexValue, double eps) {
        return Coordinates.imaginary(List.of(complexValue), eps);
    }

    private static double[] tail(List<Object> results, int from) {
        return Coordinates.flatten(results.subList(from, results.size()));
    }

    private static double largest(double[] v) {
        double m = 0;
        for (double d : v) m = Math.max(m, Math.abs(d));
        return m;
    }
}
