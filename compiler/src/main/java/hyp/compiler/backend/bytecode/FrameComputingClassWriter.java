package hyp.compiler.backend.bytecode;

import org.objectweb.asm.ClassWriter;

/**
 * A ClassWriter that computes stack map frames without loading any class. Generated code only merges values of
 * one type (each Var has its own slot) or reference types whose only common supertype is Object (Tensor and the
 * tape are final), so Object is always a sound answer when two different classes meet.
 */
final class FrameComputingClassWriter extends ClassWriter {
    FrameComputingClassWriter() {
        super(ClassWriter.COMPUTE_FRAMES);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return type1.equals(type2) ? type1 : "java/lang/Object";
    }
}
