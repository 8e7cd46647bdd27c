package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The tape primitives adjoint code uses to keep loop values for its reverse sweep: {@code tape()} makes one,
 * {@code push(t, x)} returns t after pushing x, {@code pop[type](t)} returns the last value pushed. They have
 * effects, so no pass may reorder or drop them. Their tangents run on a second tape (the tangent of a tape),
 * which makes tangent-of-adjoint code (Hessian-vector products through loops) come out of the same rules.
 */
final class TapeOps {
    private TapeOps() {}

    static String suffix(Type t) {
        if (t.isReal()) return "Real";
        if (t.isInt()) return "Int";
        if (t.isBool()) return "Bool";
        return "Tensor";
    }

    static final class Create implements Primitive {
        public boolean effectful() { return true; }

        public String name() { return "tape"; }

        public Type resultType(List<Type> args, Object attr) { return Type.TAPE; }

        public Emission emission(List<Type> args, Object attr) { return new Emission.Call(Emission.TAPE, "create"); }

        public Var jvp(IrBuilder b, Node.Op op, List<Var> t) { return b.op(this); }

        public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) { return List.of(); }
    }

    static final class Push implements Primitive {
        public boolean effectful() { return true; }

        public String name() { return "push"; }

        public Type resultType(List<Type> args, Object attr) throws ShapeError {
            if (!(args.get(0) instanceof Type.Tape) || args.get(1) instanceof Type.Tape) throw new ShapeError("push(tape, value)");
            return Type.TAPE;
        }

        public Emission emission(List<Type> args, Object attr) {
            return new Emission.Call(Emission.TAPE, "push" + suffix(args.get(1)));
        }

        /** Pushes the value's tangent on the tangent tape (a zero when the value has none). */
        public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
            Var value = op.arg(1);
            if (!value.type().differentiable()) return t.get(0);
            Var tangent = t.get(1) != null ? t.get(1) : b.broadcastTo(b.real(0.0), value);
            return b.op(this, t.get(0), tangent);
        }

        public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) { return Arrays.asList(null, null); }
    }

    static final class Pop implements Primitive {
        public boolean effectful() { return true; }

        public String name() { return "pop"; }

        /** attr: the type of the value popped. */
        public Type resultType(List<Type> args, Object attr) throws ShapeError {
            if (!(args.get(0) instanceof Type.Tape)) throw new ShapeError("pop(tape)");
            return (Type) attr;
        }

        public Emission emission(List<Type> args, Object attr) {
            return new Emission.Call(Emission.TAPE, "pop" + suffix((Type) attr));
        }

        public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
            if (!op.out().type().differentiable()) return null;
            return b.op(this, op.attr(), t.get(0));
        }

        public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) { return Arrays.asList((Var) null); }
    }
}
