package hyp.compiler.backend.bytecode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/** Runs ASM's structural checks and data-flow verifier over a generated class file. */
public final class Verification {
    private Verification() {}

    /** Verifies with the loader that loaded the compiler, which sees hyp.runtime. */
    public static void verify(byte[] classFile) {
        verify(classFile, Verification.class.getClassLoader());
    }

    /**
     * @param loader resolves the classes the generated code names (for assignability checks)
     * @throws IllegalStateException naming each failing method and the verifier's message
     */
    public static void verify(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName().replace('/', '.');
        StringWriter report = new StringWriter();
        try (PrintWriter out = new PrintWriter(report)) {
            CheckClassAdapter.verify(reader, loader, false, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("generated class " + name + " is malformed: " + e.getMessage(), e);
        }
        if (report.toString().isBlank()) return;
        List<String> failures = failingMethods(reader, loader);
        String detail = failures.isEmpty()
                ? report.toString().lines().filter(l -> !l.startsWith("\tat ")).collect(Collectors.joining("\n"))
                : String.join("\n", failures);
        throw new IllegalStateException("generated class " + name + " fails verification:\n" + detail);
    }

    /** CheckClassAdapter's report does not say which method failed; this pass does, one line each. */
    private static List<String> failingMethods(ClassReader reader, ClassLoader loader) {
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.SKIP_DEBUG);
        List<Type> interfaces = node.interfaces.stream().map(Type::getObjectType).toList();
        List<String> failures = new ArrayList<>();
        for (MethodNode m : node.methods) {
            SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(node.name),
                    node.superName == null ? null : Type.getObjectType(node.superName), interfaces, false);
            verifier.setClassLoader(loader);
            try {
                new Analyzer<>(verifier).analyze(node.name, m);
            } catch (AnalyzerException e) {
                failures.add(m.name + m.desc + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
