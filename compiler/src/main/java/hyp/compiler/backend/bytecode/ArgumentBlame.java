package hyp.compiler.backend.bytecode;

import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A handler around a generated method's body: a {@code ShapeMismatchException} leaving it is passed, with the
 * tensor parameters' names, declared types and values, to {@code hyp.runtime.ops.ArgumentShapes.explain}, which
 * names the argument at fault. Nothing runs unless the exception is thrown.
 */
final class ArgumentBlame {
    private static final String EXCEPTION = "hyp/runtime/ops/ShapeMismatchException";
    private static final String EXPLAIN = "(L" + EXCEPTION + ";Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/String;"
            + "[Lhyp/runtime/Tensor;)L" + EXCEPTION + ";";

    private final Function f;
    private final List<Integer> tensors;
    private final Label start = new Label(), end = new Label(), handler = new Label();

    private ArgumentBlame(Function f) {
        this.f = f;
        this.tensors = f.tensorParams();
    }

    /** Opens the guarded range at the start of the body; null when the function takes no tensor. */
    static ArgumentBlame open(MethodVisitor mv, Function f) {
        ArgumentBlame b = new ArgumentBlame(f);
        if (b.tensors.isEmpty()) return null;
        mv.visitTryCatchBlock(b.start, b.end, b.handler, EXCEPTION);
        mv.visitLabel(b.start);
        return b;
    }

    /** Closes the range after the body's return and emits the handler. */
    void close(MethodVisitor mv, Locals locals) {
        mv.visitLabel(end);
        mv.visitLabel(handler);
        mv.visitLdcInsn(f.name());
        strings(mv, tensors.stream().map(p -> f.paramNames().get(p)).toList());
        strings(mv, tensors.stream().map(p -> f.params().get(p).type().toString()).toList());
        OpEmitter.pushInt(mv, tensors.size());
        mv.visitTypeInsn(ANEWARRAY, JvmTypes.TENSOR.getInternalName());
        for (int i = 0; i < tensors.size(); i++) {
            mv.visitInsn(DUP);
            OpEmitter.pushInt(mv, i);
            Var v = f.params().get(tensors.get(i));
            locals.load(v);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESTATIC, "hyp/runtime/ops/ArgumentShapes", "explain", EXPLAIN, false);
        mv.visitInsn(ATHROW);
    }

    private static void strings(MethodVisitor mv, List<String> values) {
        OpEmitter.pushInt(mv, values.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < values.size(); i++) {
            mv.visitInsn(DUP);
            OpEmitter.pushInt(mv, i);
            mv.visitLdcInsn(values.get(i));
            mv.visitInsn(AASTORE);
        }
    }
}
