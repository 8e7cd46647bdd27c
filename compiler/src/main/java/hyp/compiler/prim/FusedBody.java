package hyp.compiler.prim;

import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The program a {@link Fused} op runs once per element: steps in order, each an element-wise primitive applied as
 * on scalars to the op's arguments (a tensor argument read at the current element, a real argument as it is),
 * literals and earlier steps. The last step is the element of the result. Steps may share a value (a DAG), so
 * {@code t * t} with {@code t = exp(x)} computes exp once. A step's primitive is one that says it is
 * {@link Primitive#elementwise}; a broadcast step is its first operand, the second gives a shape.
 */
public record FusedBody(List<Step> steps) {
    /** What a step reads. */
    public sealed interface Operand permits Arg, Temp, Literal {}

    /** The op's argument {@code index}: a tensor at the current element, or a real. */
    public record Arg(int index) implements Operand {}

    /** The value of the earlier step {@code step}. */
    public record Temp(int step) implements Operand {}

    /** A real constant. */
    public record Literal(double value) implements Operand {}

    /** {@code prim(operands...)} on one element. */
    public record Step(Primitive prim, List<Operand> operands) {
        public Step {
            operands = List.copyOf(operands);
        }
    }

    /** A check the unfused op {@code op} makes: its tensor operands (arguments {@code first}, {@code second}) agree. */
    public record ShapeCheck(String op, int first, int second) {}

    public FusedBody {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a fused body needs a step");
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (!s.prim().elementwise()) throw new IllegalArgumentException(s.prim().name() + " is not element-wise");
            int arity = s.prim() == Prims.NEG || s.prim() instanceof ElementwiseUnary ? 1 : 2;
            if (s.operands().size() != arity) {
                throw new IllegalArgumentException(s.prim().name() + " takes " + arity + " operands, not " + s.operands().size());
            }
            for (Operand o : s.operands()) {
                if (o instanceof Temp t && (t.step() < 0 || t.step() >= k)) {
                    throw new IllegalArgumentException("step " + k + " reads step " + t.step() + ", which is not before it");
                }
            }
        }
    }

    /** How one element of step {@code k} is computed: its primitive's emission on reals (null for a broadcast). */
    public Emission scalarEmission(int k) {
        Step s = steps.get(k);
        if (s.prim() == Prims.BROADCAST) return null;
        return s.prim().emission(s.operands().stream().map(o -> (Type) Type.REAL).toList(), null);
    }

    /** Whether argument {@code index} is read element by element (not only for its shape, by a broadcast). */
    public boolean readsElementsOf(int index) {
        for (Step s : steps) {
            int read = s.prim() == Prims.BROADCAST ? 1 : s.operands().size();
            for (int j = 0; j < read; j++) if (s.operands().get(j) instanceof Arg a && a.index() == index) return true;
        }
        return false;
    }

    /**
     * For each step, the tensor argument whose shape its value has (as the unfused op's result would), or -1 for
     * a step on reals only: the first tensor among its operands.
     */
    public int[] shapeSources(List<Type> args) {
        int[] source = new int[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            source[k] = -1;
            for (Operand o : steps.get(k).operands()) {
                int s = sourceOf(o, args, source);
                if (s >= 0) {
                    source[k] = s;
                    break;
                }
            }
        }
        return source;
    }

    private static int sourceOf(Operand o, List<Type> args, int[] source) {
        if (o instanceof Arg a) return args.get(a.index()).isTensor() ? a.index() : -1;
        if (o instanceof Temp t) return source[t.step()];
        return -1;
    }

    /**
     * The shape checks of the unfused ops, in their order, leaving out those implied by earlier ones: the first
     * that fails is the one the unfused code would have failed on, with the same message.
     */
    public List<ShapeCheck> shapeChecks(List<Type> args) {
        int[] source = shapeSources(args);
        int[] parent = new int[args.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        List<ShapeCheck> checks = new ArrayList<>();
        for (Step s : steps) {
            if (s.prim() == Prims.BROADCAST || s.operands().size() != 2) continue;
            int a = sourceOf(s.operands().get(0), args, source), b = sourceOf(s.operands().get(1), args, source);
            if (a < 0 || b < 0) continue;
            int ra = root(parent, a), rb = root(parent, b);
            if (ra == rb) continue;
            parent[rb] = ra;
            checks.add(new ShapeCheck(s.prim().name(), a, b));
        }
        return checks;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) i = parent[i];
        return i;
    }

    /** The tensor argument whose shape the result has. */
    public int resultShapeSource(List<Type> args) {
        int s = shapeSources(args)[steps.size() - 1];
        if (s < 0) throw new IllegalArgumentException("a fused body must read a tensor");
        return s;
    }

    /** The body as one expression over $0, $1, … (the op's arguments); a step read twice is named once first. */
    @Override
    public String toString() {
        return FusedBodyPrinter.print(this);
    }
}
