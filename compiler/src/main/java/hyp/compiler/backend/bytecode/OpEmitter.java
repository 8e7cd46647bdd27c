package hyp.compiler.backend.bytecode;

import hyp.compiler.prim.Primitive;
import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Emission;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/** Straight-line code: a {@link Node.Op} as its primitive's {@link Emission}, and {@link Node.Const}s. */
final class OpEmitter {
    private final MethodVisitor mv;
    private final Locals locals;
    private final FusedMethods fused;

    OpEmitter(MethodVisitor mv, Locals locals, FusedMethods fused) {
        this.mv = mv;
        this.locals = locals;
        this.fused = fused;
    }

    void op(Node.Op op) {
        Emission e = Primitive.of(op).emission(op.args().stream().map(Var::type).toList(), op.attr());
        Type out = JvmTypes.of(op.out());
        Type produced;
        if (e instanceof Emission.Infix infix) {
            produced = infix(op, infix.symbol());
        } else if (e instanceof Emission.Prefix prefix) {
            produced = prefix(op, prefix.symbol());
        } else if (e instanceof Emission.Compare compare) {
            produced = compare(op, compare.symbol());
        } else if (e instanceof Emission.IntToReal) {
            expectArgs(op, 1, Type.INT_TYPE);
            locals.load(op.arg(0));
            mv.visitInsn(I2D);
            produced = Type.DOUBLE_TYPE;
        } else if (e instanceof Emission.Call call) {
            for (Var a : op.args()) locals.load(a);
            Type[] params = new Type[op.args().size() + call.constants().size()];
            for (int i = 0; i < op.args().size(); i++) params[i] = JvmTypes.of(op.arg(i));
            for (int i = 0; i < call.constants().size(); i++) {
                pushInt(mv, call.constants().get(i));
                params[op.args().size() + i] = Type.INT_TYPE;
            }
            invoke(call.owner(), call.method(), out, params);
            produced = out;
        } else if (e instanceof Emission.CallWithArray call) {
            invoke(call.owner(), call.method(), out, packArray(op));
            produced = out;
        } else if (e instanceof Emission.ElementLoop loop) {
            for (Var a : op.args()) locals.load(a);
            fused.invoke(mv, loop.body(), op.args().stream().map(Var::type).toList());
            produced = JvmTypes.TENSOR;
        } else if (e instanceof Emission.RowBlockLoop loop) {
            for (Var a : op.args()) locals.load(a);
            fused.invokeRowPass(mv, loop.pass(), op.args().stream().map(Var::type).toList());
            produced = JvmTypes.TENSOR;
        } else {
            throw new IllegalStateException("unknown emission " + e);
        }
        if (!produced.equals(out)) {
            throw new IllegalStateException(op.prim().name() + " yields " + produced + " but its result " + op.out() + " is " + out);
        }
        locals.store(op.out());
    }

    void constant(Node.Const c) {
        Type t = JvmTypes.of(c.out());
        Object v = c.value();
        switch (t.getSort()) {
            case Type.DOUBLE -> pushDouble(v == null ? 0.0 : ((Number) literal(c, Number.class)).doubleValue());
            case Type.INT -> pushInt(mv, v == null ? 0 : (Integer) literal(c, Integer.class));
            case Type.BOOLEAN -> mv.visitInsn(v != null && (Boolean) literal(c, Boolean.class) ? ICONST_1 : ICONST_0);
            default -> {
                if (v != null) throw new IllegalStateException("no literal of type " + c.out().type() + ": " + v);
                mv.visitInsn(ACONST_NULL);
            }
        }
        locals.store(c.out());
    }

    private static Object literal(Node.Const c, Class<?> expected) {
        if (!expected.isInstance(c.value())) {
            throw new IllegalStateException("literal " + c.value() + " cannot be a " + c.out().type());
        }
        return c.value();
    }

    private Type infix(Node.Op op, String symbol) {
        Type t = JvmTypes.of(op.arg(0));
        expectArgs(op, 2, t);
        locals.load(op.arg(0));
        locals.load(op.arg(1));
        int opcode = -1;
        if (t.getSort() == Type.DOUBLE || t.getSort() == Type.INT) {
            switch (symbol) {
                case "+" -> opcode = t.getOpcode(IADD);
                case "-" -> opcode = t.getOpcode(ISUB);
                case "*" -> opcode = t.getOpcode(IMUL);
                case "/" -> opcode = t.getOpcode(IDIV);
                default -> { }
            }
        } else if (t.getSort() == Type.BOOLEAN) {
            // both sides are already evaluated: expressions have no effects, so no short circuit is needed
            if (symbol.equals("&&")) opcode = IAND;
            if (symbol.equals("||")) opcode = IOR;
        }
        if (opcode < 0) throw new IllegalStateException("no operator " + symbol + " on " + op.arg(0).type());
        mv.visitInsn(opcode);
        return t;
    }

    private Type prefix(Node.Op op, String symbol) {
        Type t = JvmTypes.of(op.arg(0));
        expectArgs(op, 1, t);
        locals.load(op.arg(0));
        if (symbol.equals("-") && (t.getSort() == Type.DOUBLE || t.getSort() == Type.INT)) {
            mv.visitInsn(t.getOpcode(INEG));
        } else if (symbol.equals("!") && t.getSort() == Type.BOOLEAN) {
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IXOR);
        } else {
            throw new IllegalStateException("no prefix operator " + symbol + " on " + op.arg(0).type());
        }
        return t;
    }

    /**
     * A comparison as 0 or 1. Doubles compare with DCMPG for < and <= and DCMPL for > and >=, so that a NaN
     * operand makes every comparison false except !=, as in Java.
     */
    private Type compare(Node.Op op, String symbol) {
        Type t = JvmTypes.of(op.arg(0));
        expectArgs(op, 2, t);
        locals.load(op.arg(0));
        locals.load(op.arg(1));
        int jump;
        if (t.getSort() == Type.DOUBLE) {
            mv.visitInsn(symbol.startsWith("<") ? DCMPG : DCMPL);
            jump = switch (symbol) {
                case "<" -> IFLT;
                case "<=" -> IFLE;
                case ">" -> IFGT;
                case ">=" -> IFGE;
                case "==" -> IFEQ;
                case "!=" -> IFNE;
                default -> throw new IllegalStateException("no comparison " + symbol);
            };
        } else if (t.getSort() == Type.INT || (t.getSort() == Type.BOOLEAN && (symbol.equals("==") || symbol.equals("!=")))) {
            jump = switch (symbol) {
                case "<" -> IF_ICMPLT;
                case "<=" -> IF_ICMPLE;
                case ">" -> IF_ICMPGT;
                case ">=" -> IF_ICMPGE;
                case "==" -> IF_ICMPEQ;
                case "!=" -> IF_ICMPNE;
                default -> throw new IllegalStateException("no comparison " + symbol);
            };
        } else {
            throw new IllegalStateException("no comparison " + symbol + " on " + op.arg(0).type());
        }
        Label yes = new Label(), done = new Label();
        mv.visitJumpInsn(jump, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
        return Type.BOOLEAN_TYPE;
    }

    /** Pushes one array holding every argument: double[] for reals, Tensor[] for tensors (Complex[], ComplexTensor[]). */
    private Type packArray(Node.Op op) {
        if (op.args().isEmpty()) throw new IllegalStateException(op.prim().name() + " packs no arguments into an array");
        Type element = JvmTypes.of(op.arg(0));
        expectArgs(op, op.args().size(), element);
        pushInt(mv, op.args().size());
        if (element.getSort() == Type.DOUBLE) {
            mv.visitIntInsn(NEWARRAY, T_DOUBLE);
        } else if (element.equals(JvmTypes.TENSOR) || element.equals(JvmTypes.COMPLEX) || element.equals(JvmTypes.COMPLEX_TENSOR)) {
            mv.visitTypeInsn(ANEWARRAY, element.getInternalName());
        } else {
            throw new IllegalStateException(op.prim().name() + " cannot pack " + op.arg(0).type() + " arguments");
        }
        for (int i = 0; i < op.args().size(); i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            locals.load(op.arg(i));
            mv.visitInsn(element.getOpcode(IASTORE));
        }
        return Type.getType("[" + element.getDescriptor());
    }

    private void invoke(String owner, String method, Type result, Type... params) {
        mv.visitMethodInsn(INVOKESTATIC, owner.replace('.', '/'), method, Type.getMethodDescriptor(result, params), false);
    }

    private static void expectArgs(Node.Op op, int count, Type each) {
        if (op.args().size() != count) {
            throw new IllegalStateException(op.prim().name() + " takes " + count + " arguments, not " + op.args().size());
        }
        for (Var a : op.args()) {
            if (!JvmTypes.of(a).equals(each)) {
                throw new IllegalStateException(op.prim().name() + " mixes " + op.arg(0).type() + " and " + a.type());
            }
        }
    }

    private void pushDouble(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0); // not -0.0
        else if (v == 1.0) mv.visitInsn(DCONST_1);
        else mv.visitLdcInsn(v);
    }

    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
}
