package hyp.compiler.backend.bytecode;

/** Defines generated classes in this process; they see hyp.runtime through the parent loader. */
public final class GeneratedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    public GeneratedClassLoader(ClassLoader parent) {
        super(parent);
    }

    /** A loader whose parent is the one that loaded the compiler (and so sees the runtime). */
    public GeneratedClassLoader() {
        this(GeneratedClassLoader.class.getClassLoader());
    }

    /** Defines the class {@code binaryName} (dots, e.g. {@code hyp.generated.Model}) from its class file. */
    public Class<?> define(String binaryName, byte[] classFile) {
        return defineClass(binaryName, classFile, 0, classFile.length);
    }
}
