package hyp.compiler.gradcheck;

import hyp.compiler.backend.interp.Path;
import hyp.compiler.backend.interp.PathRecorder;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Node;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.runtime.Tensor;
import java.util.Set;

/**
 * Records the straight-line program an input selects: the {@link Path} (branches taken, loop trips) and, for every
 * non-smooth op run, which side of its kink each entry was on (the sign of the argument of abs, relu, step and
 * sign; which argument max, min and their masks picked; which entries attained a reduction's maximum). Two inputs
 * with equal {@link Signature}s lie on the same smooth piece as far as the ops that ran can tell, so a central
 * difference between them differentiates one piece rather than straddling a kink.
 */
public final class KinkRecorder implements PathRecorder {
    private static final Set<Primitive> SIGN_KINKS = Set.of(Prims.ABS, Prims.RELU, Prims.STEP, Prims.SIGN);
    private static final Set<Primitive> CHOICES = Set.of(Prims.MAX, Prims.MIN, Prims.GE_MASK, Prims.LE_MASK);
    private static final Set<Primitive> COMPARISONS = Set.of(Prims.LT, Prims.LE, Prims.GT, Prims.GE, Prims.EQ, Prims.NE);

    private final Path.Recorder path = Path.recorder();
    private long hash = 17;
    private long kinks;

    /** The path and a 64-bit digest of the sides of every kink met (and how many kink ops ran). */
    public record Signature(Path path, long kinkDigest, long kinkOps) {}

    public Signature signature() {
        return new Signature(path.path(), hash, kinks);
    }

    @Override
    public void branch(Span span, boolean thenTaken) {
        path.branch(span, thenTaken);
    }

    @Override
    public void loopStart(Span span, String kind) {
        path.loopStart(span, kind);
    }

    @Override
    public void loopEnd(Span span, String kind, long trips) {
        path.loopEnd(span, kind, trips);
    }

    @Override
    public void op(Node.Op op, Object[] args, Object result) {
        Primitive p = Primitive.of(op);
        if (SIGN_KINKS.contains(p)) {
            kink(op);
            forEach(args[0], 0.0, this::side);
        } else if (CHOICES.contains(p)) {
            kink(op);
            forEach(args[0], args[1], this::side);
        } else if (p == Prims.REDUCE_MAX) {
            kink(op);
            forEach(args[0], result, this::side);
        } else if (COMPARISONS.contains(p) && result instanceof Boolean b) {
            kink(op);
            mix(b ? 1 : 2);
        }
    }

    private void kink(Node.Op op) {
        kinks++;
        mix(op.out().id());
    }

    private interface Sides {
        void of(double a, double b);
    }

    /** Visits a op b element by element, a scalar standing for every entry. */
    private static void forEach(Object a, Object b, Sides visit) {
        if (a instanceof Tensor x && b instanceof Tensor y) {
            for (int i = 0; i < x.size(); i++) visit.of(x.data[i], y.data[i]);
        } else if (a instanceof Tensor x) {
            double y = (Double) b;
            for (int i = 0; i < x.size(); i++) visit.of(x.data[i], y);
        } else if (b instanceof Tensor y) {
            double x = (Double) a;
            for (int i = 0; i < y.size(); i++) visit.of(x, y.data[i]);
        } else {
            visit.of((Double) a, (Double) b);
        }
    }

    private void side(double a, double b) {
        mix(a > b ? 1 : a < b ? 2 : a == b ? 3 : 4);
    }

    private void mix(long v) {
        hash = (hash ^ v) * 0x9E3779B97F4A7C15L;
        hash ^= hash >>> 29;
    }
}
