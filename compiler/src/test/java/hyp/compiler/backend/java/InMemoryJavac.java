package hyp.compiler.backend.java;

import hyp.runtime.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java sources in-process with the JDK's javac ({@code --release 17}, against the current class
 * path and the hyp runtime) into memory, and loads the classes with a fresh class loader.
 */
public final class InMemoryJavac {
    private InMemoryJavac() {}

    /** javac rejected the sources; the message holds its diagnostics. */
    public static final class CompilationFailedException extends RuntimeException {
        private final List<String> diagnostics;

        CompilationFailedException(List<String> diagnostics) {
            super("javac failed:\n" + String.join("\n", diagnostics));
            this.diagnostics = List.copyOf(diagnostics);
        }

        /** One line per error or warning: {@code Name.java:line:col: kind: message}. */
        public List<String> diagnostics() {
            return diagnostics;
        }
    }

    /** Compiles one class and returns it. */
    public static Class<?> compile(String className, String source) {
        try {
            return compile(Map.of(className, source)).loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("javac produced no class " + className, e);
        }
    }

    /** Compiles sources keyed by binary class name; the loader defines them, delegating to this class's loader. */
    public static ClassLoader compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler: run on a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        List<String> options = List.of("--release", "17", "-classpath", classPath(), "-proc:none", "-g");
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        try (JavaFileManager files = new MemoryOutput(standard, classes)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) throw new CompilationFailedException(diagnostics.getDiagnostics().stream()
                    .map(InMemoryJavac::describe).collect(Collectors.toList()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("javac file manager failed", e);
        }
        return new MemoryLoader(classes, InMemoryJavac.class.getClassLoader());
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : d.getSource().toUri().getPath().replaceFirst("^/", "");
        String where = file.isEmpty() ? "" : file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": ";
        return where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
    }

    /** The JVM's class path plus wherever the hyp runtime was loaded from (surefire may hide it in a manifest). */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(e);
        }
        CodeSource runtime = Tensor.class.getProtectionDomain().getCodeSource();
        if (runtime != null && runtime.getLocation() != null) {
            try {
                entries.add(Path.of(runtime.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file location: rely on the JVM class path alone
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassOutput extends SimpleJavaFileObject {
        private final String className;
        private final Map<String, byte[]> classes;

        ClassOutput(String className, Map<String, byte[]> classes) {
            super(URI.create("mem:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.className = className;
            this.classes = classes;
        }

        @Override
        public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    classes.put(className, toByteArray());
                }
            };
        }
    }

    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;

        MemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new ClassOutput(className, classes);
        }
    }

    private static final class MemoryLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
