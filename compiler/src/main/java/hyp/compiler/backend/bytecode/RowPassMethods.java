package hyp.compiler.backend.bytecode;

import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.RowPassBody;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The method of a row pass ({@link hyp.compiler.prim.Emission.RowBlockLoop}), {@code private static Tensor
 * rowpass$K(Tensor x, Tensor u0, …, args…)}:
 * <pre>{@code
 * RowBlocks rb = RowBlocks.over(x, K); rb.dot(0, u0); …; double[] x3 = rb.rows(a3); …
 * while (rb.next()) {
 *     int from = rb.from, len = rb.length; double[] z0 = rb.dots[0], …, r = rb.residual;
 *     for (int i = 0; i < len; i++) r[i] = body(z0[i], …, x3[from + i], …);
 *     rb.accumulate();
 * }
 * return rb.result();
 * }</pre>
 * The per-element steps are those of a fused loop ({@link FusedMethods#steps}).
 */
final class RowPassMethods {
    private static final String BLOCKS = "hyp/runtime/ops/RowBlocks";
    private static final String TENSOR = JvmTypes.TENSOR.getInternalName();

    private RowPassMethods() {}

    static void emit(ClassVisitor cv, String name, String descriptor, RowPassBody pass, List<Boolean> tensors) {
        MethodVisitor mv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, descriptor, null, null);
        mv.visitCode();
        int[] argSlot = new int[tensors.size()];
        int next = 0;
        for (int a = 0; a < tensors.size(); a++) {
            argSlot[a] = next;
            next += tensors.get(a) ? 1 : 2;
        }
        int dots = pass.dots();
        int rb = next++, r = next++, from = next++, len = next++, i = next++;
        mv.visitVarInsn(ALOAD, argSlot[0]);
        pushInt(mv, dots);
        mv.visitMethodInsn(INVOKESTATIC, BLOCKS, "over", "(L" + TENSOR + ";I)L" + BLOCKS + ";", false);
        mv.visitVarInsn(ASTORE, rb);
        for (int k = 0; k < dots; k++) {
            mv.visitVarInsn(ALOAD, rb);
            pushInt(mv, k);
            mv.visitVarInsn(ALOAD, argSlot[1 + k]);
            mv.visitMethodInsn(INVOKEVIRTUAL, BLOCKS, "dot", "(IL" + TENSOR + ";)V", false);
        }
        int[] dataSlot = new int[tensors.size()];
        for (int a = 1 + dots; a < tensors.size(); a++) {
            if (!tensors.get(a)) continue;
            dataSlot[a] = next++;
            mv.visitVarInsn(ALOAD, rb);
            mv.visitVarInsn(ALOAD, argSlot[a]);
            mv.visitMethodInsn(INVOKEVIRTUAL, BLOCKS, "rows", "(L" + TENSOR + ";)[D", false);
            mv.visitVarInsn(ASTORE, dataSlot[a]);
        }
        int[] dotSlot = new int[dots];
        for (int k = 0; k < dots; k++) dotSlot[k] = next++;
        mv.visitVarInsn(ALOAD, rb);
        mv.visitFieldInsn(GETFIELD, BLOCKS, "residual", "[D");
        mv.visitVarInsn(ASTORE, r);
        FusedBody body = pass.body();
        int[] stepSlot = new int[body.steps().size()];
        for (int k = 0; k < stepSlot.length; k++, next += 2) stepSlot[k] = next;

        Label blocks = new Label(), done = new Label(), rows = new Label(), blockDone = new Label();
        mv.visitLabel(blocks);
        mv.visitVarInsn(ALOAD, rb);
        mv.visitMethodInsn(INVOKEVIRTUAL, BLOCKS, "next", "()Z", false);
        mv.visitJumpInsn(IFEQ, done);
        mv.visitVarInsn(ALOAD, rb);
        mv.visitFieldInsn(GETFIELD, BLOCKS, "from", "I");
        mv.visitVarInsn(ISTORE, from);
        mv.visitVarInsn(ALOAD, rb);
        mv.visitFieldInsn(GETFIELD, BLOCKS, "length", "I");
        mv.visitVarInsn(ISTORE, len);
        for (int k = 0; k < dots; k++) {
            mv.visitVarInsn(ALOAD, rb);
            mv.visitFieldInsn(GETFIELD, BLOCKS, "dots", "[[D");
            pushInt(mv, k);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, dotSlot[k]);
        }
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, i);
        mv.visitLabel(rows);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(ILOAD, len);
        mv.visitJumpInsn(IF_ICMPGE, blockDone);
        FusedMethods.steps(mv, body, stepSlot, b -> {
            if (b < dots) {
                mv.visitVarInsn(ALOAD, dotSlot[b]);
                mv.visitVarInsn(ILOAD, i);
                mv.visitInsn(DALOAD);
            } else if (tensors.get(1 + b)) {
                mv.visitVarInsn(ALOAD, dataSlot[1 + b]);
                mv.visitVarInsn(ILOAD, from);
                mv.visitVarInsn(ILOAD, i);
                mv.visitInsn(IADD);
                mv.visitInsn(DALOAD);
            } else {
                mv.visitVarInsn(DLOAD, argSlot[1 + b]);
            }
        });
        mv.visitVarInsn(ALOAD, r);
        mv.visitVarInsn(ILOAD, i);
        mv.visitVarInsn(DLOAD, stepSlot[stepSlot.length - 1]);
        mv.visitInsn(DASTORE);
        mv.visitIincInsn(i, 1);
        mv.visitJumpInsn(GOTO, rows);
        mv.visitLabel(blockDone);
        mv.visitVarInsn(ALOAD, rb);
        mv.visitMethodInsn(INVOKEVIRTUAL, BLOCKS, "accumulate", "()V", false);
        mv.visitJumpInsn(GOTO, blocks);
        mv.visitLabel(done);
        mv.visitVarInsn(ALOAD, rb);
        mv.visitMethodInsn(INVOKEVIRTUAL, BLOCKS, "result", "()L" + TENSOR + ";", false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void pushInt(MethodVisitor mv, int v) {
        if (v <= 5) mv.visitInsn(ICONST_0 + v);
        else mv.visitIntInsn(BIPUSH, v);
    }
}
