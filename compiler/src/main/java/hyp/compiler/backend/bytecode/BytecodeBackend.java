package hyp.compiler.backend.bytecode;

import static org.objectweb.asm.Opcodes.*;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.opt.BackEndPasses;
import hyp.compiler.opt.ElementwiseFusion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles IR functions to one JVM class (class file version 17): each function becomes
 * {@code public static R name(P1 p1, ...)}, named by {@link JavaNames#legal}, with the .hyp parameter names in
 * its MethodParameters attribute. Chains of element-wise tensor ops are fused first ({@link ElementwiseFusion});
 * each fused loop becomes a private static helper ({@link FusedMethods}). Generated code depends only on
 * hyp.runtime.
 */
public final class BytecodeBackend {
    private BytecodeBackend() {}

    /** The class {@code binaryClassName} (e.g. {@code hyp.generated.Model}) holding the functions. */
    public static byte[] compile(String binaryClassName, List<Function> functions) {
        return compile(binaryClassName, functions, false);
    }

    /**
     * As {@link #compile(String, List)}; with {@code withMain}, the class also gets a
     * {@code public static void main(String[])} that hands its arguments to {@code hyp.runtime.cli.EntryPoint}.
     *
     * @throws IllegalStateException when a function is malformed or two functions share a name
     * @throws CodeTooLargeException when a function exceeds the JVM's limits for one method
     */
    public static byte[] compile(String binaryClassName, List<Function> functions, boolean withMain) {
        return compile(binaryClassName, functions, withMain, true);
    }

    /**
     * As {@link #compile(String, List, boolean)}; with {@code fuse} (the default elsewhere) chains of element-wise
     * tensor ops are first fused into single loops by {@link ElementwiseFusion}, the last pass over the IR.
     */
    public static byte[] compile(String binaryClassName, List<Function> functions, boolean withMain, boolean fuse) {
        if (fuse) functions = BackEndPasses.run(functions);
        String internalName = binaryClassName.replace('.', '/');
        FusedMethods fused = new FusedMethods(internalName);
        FrameComputingClassWriter cw = new FrameComputingClassWriter();
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object", null);
        String source = sourceFileName(functions);
        if (source != null) cw.visitSource(source, null);

        Map<String, String> hypNameOf = new HashMap<>();
        for (Function f : functions) {
            String method = JavaNames.legal(f.name());
            String clash = hypNameOf.put(method, f.name());
            if (clash != null) {
                throw new IllegalStateException("functions " + clash + " and " + f.name() + " would both be the method " + method);
            }
            int slots = FunctionEmitter.emit(cw, f, method, fused);
            if (slots > Locals.MAX_SLOTS) {
                throw new CodeTooLargeException(f.name(), slots + " local variable slots; at most " + Locals.MAX_SLOTS, null);
            }
        }
        fused.emitAll(cw);
        if (withMain) mainMethod(cw, internalName);
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException e) {
            String name = hypNameOf.getOrDefault(e.getMethodName(), e.getMethodName());
            throw new CodeTooLargeException(name, e.getCodeSize() + " bytes of bytecode; at most 65535", e);
        } catch (ClassTooLargeException e) {
            throw new IllegalStateException("class " + binaryClassName + " is too large for one class file ("
                    + e.getConstantPoolCount() + " constants)", e);
        }
    }

    /** {@code main(args)} = {@code EntryPoint.run(ThisClass.class, args)}. */
    private static void mainMethod(FrameComputingClassWriter cw, String internalName) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        mv.visitParameter("args", 0);
        mv.visitCode();
        mv.visitLdcInsn(Type.getObjectType(internalName));
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, "hyp/runtime/cli/EntryPoint", "run", "(Ljava/lang/Class;[Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The .hyp file the functions came from (its last path element), for stack traces; null if unknown. */
    private static String sourceFileName(List<Function> functions) {
        for (Function f : functions) {
            String[] found = {null};
            IrWalk.nodes(f.body(), n -> {
                if (found[0] == null && n.span() != null && n.span().file() != null) found[0] = n.span().file().name();
            });
            if (found[0] != null) {
                String path = found[0].replace('\\', '/');
                return path.substring(path.lastIndexOf('/') + 1);
            }
        }
        return null;
    }
}
