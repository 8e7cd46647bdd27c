package hyp.compiler.backend.interp;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.Primitive;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.ops.ArgumentShapes;
import hyp.runtime.ops.LoopTrips;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.List;

/**
 * The reference evaluator: walks the IR of a {@link Function} and computes what the bytecode and Java-source back
 * ends must compute, reading the same {@link Emission} of each primitive. Values are Double, Integer, Boolean and
 * {@link Tensor} (and the runtime's tape, complex and complex tensor values in complex-step code); several results
 * come back as an {@code Object[]}.
 *
 * <p>Loops run iteratively, so the Java stack grows only with the nesting depth of the code, never with trip
 * counts. Values live in one array indexed by {@link Var#id()}, which is unique within a function.
 */
public final class Interpreter {
    private final String function;
    private final Object[] values;
    private final Kernel[] kernels;
    private final PathRecorder recorder;

    private Interpreter(String function, int size, PathRecorder recorder) {
        this.function = function;
        this.values = new Object[size];
        this.kernels = new Kernel[size];
        this.recorder = recorder;
    }

    /** Evaluates {@code f} on {@code args} (one per parameter, boxed); returns the result, or Object[] for several. */
    public static Object run(Function f, List<Object> args) {
        return run(f, args, null);
    }

    /** As {@link #run(Function, List)}, telling {@code recorder} (if not null) every branch and loop trip count. */
    public static Object run(Function f, List<Object> args, PathRecorder recorder) {
        List<Var> params = f.params();
        if (args.size() != params.size()) {
            throw new IllegalArgumentException(f.name() + " takes " + params.size() + " arguments, got " + args.size());
        }
        for (int i = 0; i < params.size(); i++) check(f, i, args.get(i));
        Interpreter in = new Interpreter(f.name(), IrWalk.maxId(f.body()) + 1, recorder);
        in.bind(params, args.toArray());
        try {
            in.block(f.body());
        } catch (ShapeMismatchException e) {
            throw blame(e, f, args);
        }
        List<Var> results = f.body().results();
        if (results.size() == 1) return in.values[results.get(0).id()];
        return in.read(results);
    }

    private static void check(Function f, int i, Object arg) {
        Type t = f.params().get(i).type();
        String name = i < f.paramNames().size() ? f.paramNames().get(i) : f.params().get(i).toString();
        Class<?> want = t instanceof Type.Scalar s ? switch (s.kind()) {
            case REAL -> Double.class;
            case INT -> Integer.class;
            case BOOL -> Boolean.class;
        } : RuntimeCalls.jvmClass(t);
        if (!want.isInstance(arg)) {
            throw new IllegalArgumentException(f.name() + ": argument " + name + " must be a " + t + " ("
                    + want.getSimpleName() + "), got " + (arg == null ? "null" : arg.getClass().getSimpleName()));
        }
        if (t instanceof Type.Tensor tt && ((Tensor) arg).rank() != tt.rank()) {
            throw new IllegalArgumentException(f.name() + ": argument " + name + " must be a " + t
                    + ", got a tensor of rank " + ((Tensor) arg).rank());
        }
    }

    /** The error with the tensor argument at fault named, as the generated methods' handlers name it. */
    private static ShapeMismatchException blame(ShapeMismatchException e, Function f, List<Object> args) {
        List<Integer> tensors = f.tensorParams();
        if (tensors.isEmpty()) return e;
        return ArgumentShapes.explain(e, f.name(),
                tensors.stream().map(p -> f.paramNames().get(p)).toArray(String[]::new),
                tensors.stream().map(p -> f.params().get(p).type().toString()).toArray(String[]::new),
                tensors.stream().map(p -> (Tensor) args.get(p)).toArray(Tensor[]::new));
    }

    private void block(Block b) {
        for (Node n : b.nodes()) node(n);
    }

    private void node(Node n) {
        if (n instanceof Node.Op op) {
            op(op);
        } else if (n instanceof Node.Const c) {
            values[c.out().id()] = c.value() != null ? c.value() : undefined(c.out().type());
        } else if (n instanceof Node.If i) {
            boolean cond = (Boolean) values[i.cond().id()];
            if (recorder != null) recorder.branch(i.span(), cond);
            Block taken = cond ? i.then() : i.orElse();
            block(taken);
            bind(i.outs(), read(taken.results()));
        } else if (n instanceof Node.While w) {
            whileLoop(w);
        } else if (n instanceof Node.For f) {
            forLoop(f);
        } else {
            throw new IllegalStateException("unknown node " + n);
        }
    }

    private void op(Node.Op op) {
        int out = op.out().id();
        Kernel k = kernels[out];
        if (k == null) kernels[out] = k = kernel(op);
        Object[] args = read(op.args());
        values[out] = k.apply(args);
        if (recorder != null) recorder.op(op, args, values[out]);
    }

    private static Kernel kernel(Node.Op op) {
        List<Type> types = op.args().stream().map(Var::type).toList();
        Emission e = Primitive.of(op).emission(types, op.attr());
        if (e instanceof Emission.Infix i) return ScalarOps.infix(i.symbol(), types.get(0));
        if (e instanceof Emission.Prefix p) return ScalarOps.prefix(p.symbol(), types.get(0));
        if (e instanceof Emission.Compare c) return ScalarOps.compare(c.symbol(), types.get(0));
        if (e instanceof Emission.IntToReal) return ScalarOps.intToReal();
        if (e instanceof Emission.Call c) return RuntimeCalls.call(c, types, op.out().type());
        if (e instanceof Emission.ElementLoop loop) return FusedEvaluator.kernel(loop, types);
        if (e instanceof Emission.RowBlockLoop loop) return RowPassEvaluator.kernel(loop, types);
        return RuntimeCalls.callWithArray((Emission.CallWithArray) e, types, op.out().type());
    }

    /** carried := init; while cond(carried) { carried := body(carried) }; outs := carried. */
    private void whileLoop(Node.While w) {
        if (recorder != null) recorder.loopStart(w.span(), "while");
        Object[] carried = read(w.init());
        Var cond = w.cond().results().get(0);
        long trips = 0;
        while (true) {
            bind(w.cond().params(), carried);
            block(w.cond());
            if (!(Boolean) values[cond.id()]) break;
            // the same guard as generated code: a condition that never turns false ends with the loop's location
            LoopTrips.check(++trips, w.span() == null ? "function " + function : w.span().location());
            bind(w.body().params(), carried);
            block(w.body());
            carried = read(w.body().results());
        }
        bind(w.outs(), carried);
        if (recorder != null) recorder.loopEnd(w.span(), "while", trips);
    }

    /** for i = from; i < to; i++ { carried := body(i, carried) }; from and to are read once. */
    private void forLoop(Node.For f) {
        if (recorder != null) recorder.loopStart(f.span(), "for");
        int from = (Integer) values[f.from().id()];
        int to = (Integer) values[f.to().id()];
        Object[] carried = read(f.init());
        List<Var> params = f.body().params();
        long trips = 0;
        for (int i = from; i < to; i++) {
            values[params.get(0).id()] = i;
            for (int k = 1; k < params.size(); k++) values[params.get(k).id()] = carried[k - 1];
            block(f.body());
            carried = read(f.body().results());
            trips++;
        }
        bind(f.outs(), carried);
        if (recorder != null) recorder.loopEnd(f.span(), "for", trips);
    }

    private Object[] read(List<Var> vars) {
        Object[] out = new Object[vars.size()];
        for (int i = 0; i < out.length; i++) out[i] = values[vars.get(i).id()];
        return out;
    }

    private void bind(List<Var> vars, Object[] vals) {
        if (vars.size() != vals.length) {
            throw new IllegalStateException("malformed IR: " + vals.length + " values for " + vars);
        }
        for (int i = 0; i < vals.length; i++) values[vars.get(i).id()] = vals[i];
    }

    /** The value of a constant with no value yet: zero, false or a null reference. */
    private static Object undefined(Type t) {
        if (t.isReal()) return 0.0;
        if (t.isInt()) return 0;
        if (t.isBool()) return false;
        return null;
    }
}
