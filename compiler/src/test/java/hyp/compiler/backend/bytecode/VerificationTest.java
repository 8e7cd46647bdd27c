package hyp.compiler.backend.bytecode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/** The verifier helper must reject what the JVM would reject, or the other tests' checks would mean nothing. */
class VerificationTest {
    @Test
    void rejectsAMethodThatReturnsAnIntAsADouble() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_SUPER, "hyp/generated/Bad", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f", "(I)D", null, null);
        mv.visitCode();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Verification.verify(cw.toByteArray()));
        assertTrue(e.getMessage().contains("hyp.generated.Bad fails verification"), e.getMessage());
        assertTrue(e.getMessage().contains("f(I)D: Error at instruction 1: Expected D, but found I"), e.getMessage());
    }
}
