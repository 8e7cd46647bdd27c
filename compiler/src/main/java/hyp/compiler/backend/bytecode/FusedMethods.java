package hyp.compiler.backend.bytecode;

import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.prim.Emission;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.RowPassBody;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The loops of a class's fused element-wise ops ({@link Emission.ElementLoop}), each a
 * {@code private static Tensor fused$K(...)} taking the op's arguments: the unfused ops' shape checks, a new result
 * tensor, then {@code for (i = 0; i < n; i++) out[i] = body(args at i)} with one local per step. The loop is small
 * and simple so that the JIT compiles it on its own and vectorises it where the body allows. One method serves
 * every op with the same body and argument kinds.
 */
final class FusedMethods {
    private static final String LOOPS = "hyp/runtime/ops/FusedLoops";
    private static final String TENSOR = JvmTypes.TENSOR.getInternalName();

    private record Key(FusedBody body, List<Boolean> tensors) {}

    private final String owner;
    private final Map<Key, String> names = new LinkedHashMap<>();

    private record RowKey(RowPassBody pass, List<Boolean> tensors) {}

    private final Map<RowKey, String> rowPasses = new LinkedHashMap<>();

    FusedMethods(String owner) {
        this.owner = owner;
    }

    /** Emits a call of the loop for {@code body} on arguments of these types (already on the stack). */
    void invoke(MethodVisitor mv, FusedBody body, List<Type> args) {
        Key key = new Key(body, args.stream().map(Type::isTensor).toList());
        String name = names.computeIfAbsent(key, k -> "fused$" + names.size());
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor(key.tensors()), false);
    }

    /** Emits a call of the method of row pass {@code pass} on arguments of these types (already on the stack). */
    void invokeRowPass(MethodVisitor mv, RowPassBody pass, List<Type> args) {
        RowKey key = new RowKey(pass, args.stream().map(Type::isTensor).toList());
        String name = rowPasses.computeIfAbsent(key, k -> "rowpass$" + rowPasses.size());
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor(key.tensors()), false);
    }

    /** Adds every loop asked for so far to the class. */
    void emitAll(ClassVisitor cv) {
        names.forEach((key, name) -> emit(cv, name, key));
        rowPasses.forEach((key, name) -> RowPassMethods.emit(cv, name, descriptor(key.tensors()), key.pass(), key.tensors()));
    }

    private static String descriptor(List<Boolean> tensors) {
        org.objectweb.asm.Type[] params = tensors.stream()
                .map(t -> t ? JvmTypes.TENSOR : org.objectweb.asm.Type.DOUBLE_TYPE).toArray(org.objectweb.asm.Type[]::new);
        return org.objectweb.asm.Type.getMethodDescriptor(JvmTypes.TENSOR, params);
    }

    private static void emit(ClassVisitor cv, String name, Key key) {
        List<Type> types = key.tensors().stream().map(t -> t ? (Type) Type.tensor() : Type.REAL).toList();
        FusedBody body = key.body();
        MethodVisitor mv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, descriptor(key.tensors()), null, null);
        mv.visitCode();
        int[] argSlot = new int[types.size()];
        int next = 0;
        for (int a = 0; a < types.size(); a++) {
            argSlot[a] = next;
            next += types.get(a).isTensor() ? 1 : 2;
        }
        for (FusedBody.ShapeCheck c : body.shapeChecks(types)) {
            mv.visitLdcInsn(c.op());
            mv.visitVarInsn(ALOAD, argSlot[c.first()]);
            mv.visitVarInsn(ALOAD, argSlot[c.second()]);
            mv.visitMethodInsn(INVOKESTATIC, LOOPS, "sameShape", "(Ljava/lang/String;L" + TENSOR + ";L" + TENSOR + ";)V", false);
        }
        int result = next++, out = next++, n = next++, i = next++;
        mv.visitVarInsn(ALOAD, argSlot[body.resultShapeSource(types)]);
        mv.visitMethodInsn(INVOKESTATIC, LOOPS, "output", "(L" + TENSOR + ";)L" + TENSOR + ";", false);
        mv.visitVarInsn(ASTORE, result);
        mv.visitVarInsn(ALOAD, result);
        mv.visitFieldInsn(GETFIELD, TENSOR, "data", "[D");
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, out);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitVarInsn(ISTORE, n);
        int[] dataSlot = new int[types.size()];
        for (int a = 0; a < types.size(); a++) {
            if (!types.get(a).isTensor() || !body.readsElementsOf(a)) continue;
            dataSlot[a] = next++;
            mv.visitVarInsn(ALOAD, argSlot[a]);
            mv.visitFieldInsn(GETFIELD, TENSOR, "data", "[D");
            mv.visitVarInsn(ASTORE, dataSlot[a]);
        }
        int[] stepSlot = new int[body.steps().size()];
        for (int k = 0; k < stepSlot.length; k++, next += 2) stepSlot[k] = next;

        Label head = new Label(), exit = new Label();
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, i);
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(ILOAD, n);
        mv.visitJumpInsn(IF_ICMPGE, exit);
        steps(mv, body, stepSlot, a -> {
            if (types.get(a).isTensor()) {
                mv.visitVarInsn(ALOAD, dataSlot[a]);
                mv.visitVarInsn(ILOAD, i);
                mv.visitInsn(DALOAD);
            } else {
                mv.visitVarInsn(DLOAD, argSlot[a]);
            }
        });
        mv.visitVarInsn(ALOAD, out);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(DLOAD, stepSlot[stepSlot.length - 1]);
        mv.visitInsn(DASTORE);
        mv.visitIincInsn(i, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(exit);
        mv.visitVarInsn(ALOAD, result);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes the element of argument {@code index} the current iteration reads. */
    interface ArgLoader {
        void load(int index);
    }

    /** The body's steps for one element, step k's value stored in the double local {@code stepSlot[k]}. */
    static void steps(MethodVisitor mv, FusedBody body, int[] stepSlot, ArgLoader args) {
        for (int k = 0; k < stepSlot.length; k++) {
            List<FusedBody.Operand> operands = body.steps().get(k).operands();
            Emission e = body.scalarEmission(k);
            int loaded = e == null ? 1 : operands.size(); // a broadcast step is its scalar
            for (int j = 0; j < loaded; j++) {
                FusedBody.Operand o = operands.get(j);
                if (o instanceof FusedBody.Temp t) {
                    mv.visitVarInsn(DLOAD, stepSlot[t.step()]);
                } else if (o instanceof FusedBody.Literal l) {
                    mv.visitLdcInsn(l.value());
                } else {
                    args.load(((FusedBody.Arg) o).index());
                }
            }
            if (e != null) scalarOp(mv, e, loaded);
            mv.visitVarInsn(DSTORE, stepSlot[k]);
        }
    }

    /** One step on doubles already on the stack, as the scalar op of the same primitive is emitted elsewhere. */
    private static void scalarOp(MethodVisitor mv, Emission e, int arity) {
        if (e instanceof Emission.Infix infix) {
            mv.visitInsn(switch (infix.symbol()) {
                case "+" -> DADD;
                case "-" -> DSUB;
                case "*" -> DMUL;
                case "/" -> DDIV;
                default -> throw new IllegalStateException("no fused operator " + infix.symbol());
            });
        } else if (e instanceof Emission.Prefix p && p.symbol().equals("-")) {
            mv.visitInsn(DNEG);
        } else if (e instanceof Emission.Call c && c.constants().isEmpty()) {
            List<org.objectweb.asm.Type> params = new ArrayList<>();
            for (int j = 0; j < arity; j++) params.add(org.objectweb.asm.Type.DOUBLE_TYPE);
            mv.visitMethodInsn(INVOKESTATIC, c.owner().replace('.', '/'), c.method(), org.objectweb.asm.Type.getMethodDescriptor(
                    org.objectweb.asm.Type.DOUBLE_TYPE, params.toArray(org.objectweb.asm.Type[]::new)), false);
        } else {
            throw new IllegalStateException("a fused step cannot be computed by " + e);
        }
    }
}
