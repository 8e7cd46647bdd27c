package hyp.compiler.ir;

import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.diag.Span;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Appends IR nodes to the innermost open region. Lowering and every transformation build code through it; the
 * arithmetic helpers fold the trivial cases (x·1, x+0, 0·x) so that derivative code stays small.
 */
public final class IrBuilder {
    private final Arithmetic arithmetic;
    private final int[] nextId;
    private final Deque<List<Node>> regions = new ArrayDeque<>();
    private final Map<Var, Object> constants = new HashMap<>();
    private Span span;

    /** A builder whose arithmetic helpers emit {@code arithmetic}'s operators. */
    public IrBuilder(Arithmetic arithmetic) {
        this.arithmetic = arithmetic;
        this.nextId = new int[] {0};
        regions.push(new ArrayList<>());
    }

    /** A builder continuing the numbering of the values in {@code existing}. */
    public static IrBuilder after(Function existing, Arithmetic arithmetic) {
        IrBuilder b = new IrBuilder(arithmetic);
        b.nextId[0] = IrWalk.maxId(existing.body()) + 1;
        return b;
    }

    public Span span() {
        return span;
    }

    /** Nodes made from now on are attributed to this source span. */
    public Span at(Span s) {
        Span old = span;
        span = s;
        return old;
    }

    /** How many values this builder (and those sharing its counter) has made: the size of the code built. */
    public int valuesMade() {
        return nextId[0];
    }

    public Var fresh(Type type, String hint) {
        return new Var(nextId[0]++, type, hint);
    }

    public void add(Node node) {
        regions.peek().add(node);
        if (node instanceof Node.Const c && c.value() != null) constants.put(c.out(), c.value());
    }

    /** Opens a region with the given parameters; {@code body} emits its nodes and returns what it yields. */
    public Block block(List<Var> params, Supplier<List<Var>> body) {
        regions.push(new ArrayList<>());
        List<Var> results;
        try {
            results = body.get();
        } finally {
            // keep the stack balanced even when a rule throws
        }
        List<Node> nodes = regions.pop();
        return new Block(params, nodes, results);
    }

    /** The nodes of the outermost region, once all building is done. */
    public List<Node> topNodes() {
        return regions.getLast();
    }

    public Var op(Operator p, Object attr, Var... args) {
        List<Var> list = Arrays.asList(args);
        Type type;
        try {
            type = p.resultType(list.stream().map(Var::type).toList(), attr);
        } catch (ShapeError e) {
            throw new InternalCompilerError(span, "generated code breaks the shape rule of " + p.name() + ": " + e.getMessage());
        }
        Var out = fresh(type, null);
        add(new Node.Op(out, p, list, attr, span));
        return out;
    }

    public Var op(Operator p, Var... args) {
        return op(p, null, args);
    }

    public Var real(double v) {
        Var out = fresh(Type.REAL, null);
        add(new Node.Const(out, v, span));
        return out;
    }

    public Var integer(int v) {
        Var out = fresh(Type.INT, null);
        add(new Node.Const(out, v, span));
        return out;
    }

    public Var bool(boolean v) {
        Var out = fresh(Type.BOOL, null);
        add(new Node.Const(out, v, span));
        return out;
    }

    /** A placeholder for "no value yet" (e.g. the result before any return ran). */
    public Var undef(Type type) {
        Var out = fresh(type, null);
        add(new Node.Const(out, null, span));
        return out;
    }

    /** The literal value of v when it is a constant made by this builder, else null. */
    public Object constant(Var v) {
        return constants.get(v);
    }

    private boolean isReal(Var v, double value) {
        return constants.get(v) instanceof Double d && d == value;
    }

    // ---- arithmetic with trivial-case folding; used by derivative rules ----

    public Var add(Var a, Var b) {
        if (a == null) return b;
        if (b == null) return a;
        if (isReal(a, 0) && !b.type().isInt()) return broadcastTo(b, a);
        if (isReal(b, 0) && !a.type().isInt()) return broadcastTo(a, b);
        return op(arithmetic.add(), a, b);
    }

    public Var sub(Var a, Var b) {
        if (b == null) return a;
        if (a == null) return neg(b);
        if (isReal(b, 0)) return broadcastTo(a, b);
        return op(arithmetic.sub(), a, b);
    }

    public Var mul(Var a, Var b) {
        if (a == null || b == null) return null;
        if (isReal(a, 1)) return broadcastTo(b, a);
        if (isReal(b, 1)) return broadcastTo(a, b);
        if (isReal(a, -1)) return broadcastTo(neg(b), a);
        if (isReal(b, -1)) return broadcastTo(neg(a), b);
        return op(arithmetic.mul(), a, b);
    }

    public Var div(Var a, Var b) {
        if (a == null) return null;
        if (isReal(b, 1)) return broadcastTo(a, b);
        return op(arithmetic.div(), a, b);
    }

    public Var neg(Var a) {
        if (a == null) return null;
        if (constants.get(a) instanceof Double d) return real(-d);
        return op(arithmetic.neg(), a);
    }

    public Var sum(Var a) {
        return a.type().isTensor() ? op(arithmetic.sum(), a) : a;
    }

    /** v as a value of like's shape: a scalar broadcast over a tensor, otherwise v itself. */
    public Var broadcastTo(Var v, Var like) {
        if (v == null) return null;
        if (like.type().isTensor() && !v.type().isTensor()) return op(arithmetic.broadcast(), v, like);
        return v;
    }

    /** The cotangent of an argument of type {@code target} from a result's cotangent (sums out broadcasting). */
    public Var unbroadcast(Var cot, Type target) {
        if (cot == null) return null;
        if (!target.isTensor() && cot.type().isTensor()) return op(arithmetic.sum(), cot);
        return cot;
    }
}
