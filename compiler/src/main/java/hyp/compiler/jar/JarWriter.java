package hyp.compiler.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a model jar: the generated classes, resources read beside them, the runtime classes they call (never the
 * compiler), and a manifest whose Main-Class evaluates a def from the command line. The jar is written beside its
 * target and moved into place at the end, so a failure never leaves half a jar behind.
 */
public final class JarWriter {
    private JarWriter() {}

    /**
     * @param classes   generated classes by binary name (dots)
     * @param mainClass the class whose main method the jar runs
     * @param runtime   a class of the runtime, to find where its classes live
     */
    public static void write(Path target, Map<String, byte[]> classes, String mainClass, Class<?> runtime) throws IOException {
        write(target, classes, Map.of(), mainClass, runtime);
    }

    /**
     * As {@link #write(Path, Map, String, Class)}, with resources (by path inside the jar, e.g.
     * {@code hyp/generated/Model.solver.properties}) beside the classes.
     */
    public static void write(Path target, Map<String, byte[]> classes, Map<String, byte[]> resources, String mainClass,
                             Class<?> runtime) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".hyp-", ".jar.part");
        try {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.put(Attributes.Name.MAIN_CLASS, mainClass);
            main.putValue("Created-By", "hyp");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
                Set<String> written = new HashSet<>();
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    put(jar, c.getKey().replace('.', '/') + ".class", c.getValue(), written);
                }
                for (Map.Entry<String, byte[]> r : resources.entrySet()) put(jar, r.getKey(), r.getValue(), written);
                copyRuntime(jar, runtime, written);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stand
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes, Set<String> written) throws IOException {
        String[] parts = name.split("/");
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            dir.append(parts[i]).append('/');
            if (written.add(dir.toString())) {
                jar.putNextEntry(new JarEntry(dir.toString()));
                jar.closeEntry();
            }
        }
        if (!written.add(name)) return;
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    /** Copies hyp/runtime/** from the runtime's jar or class folder. */
    private static void copyRuntime(JarOutputStream jar, Class<?> runtime, Set<String> written) throws IOException {
        Path source;
        try {
            source = Path.of(runtime.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot locate the hyp runtime classes", e);
        }
        if (Files.isDirectory(source)) {
            Path root = source;
            Files.walkFileTree(root.resolve("hyp/runtime"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    put(jar, root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), written);
                    return FileVisitResult.CONTINUE;
                }
            });
            return;
        }
        try (JarFile in = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith("hyp/runtime/")) continue;
                try (InputStream s = in.getInputStream(e)) {
                    put(jar, e.getName(), s.readAllBytes(), written);
                }
            }
        }
    }
}
