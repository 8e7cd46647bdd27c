package hyp.compiler.report;

import hyp.compiler.diag.UsageException;
import hyp.runtime.data.AtomicFile;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code --report DIR} of tune and chain: checked before the run starts, and written as one set. The files go
 * into a fresh sibling directory that then replaces DIR by renames, so a reader (or a kill) sees the old set or the
 * new one, never a mix. A DIR that holds files of its own is not replaced: there each file is moved in whole, one
 * after another. Temporary files and directories a killed run left behind are removed first.
 */
public final class ReportDirectory {
    private ReportDirectory() {}

    /** Fails before any work when DIR cannot be a report directory: a file, or in a place that cannot be written. */
    public static void check(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException("--report " + dir + ": is a file, not a directory");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UsageException("--report " + dir + ": " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) throw new UsageException("--report " + dir + ": cannot write in " + existing);
    }

    /** Writes the named files into DIR as one set; returns their paths, in order. */
    public static List<Path> write(Path dir, Map<String, AtomicFile.Content> files) throws IOException {
        check(dir);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        removeLeftovers(target);
        List<Path> written = new ArrayList<>();
        for (String name : files.keySet()) written.add(dir.resolve(name));
        if (parent == null || (Files.isDirectory(target) && !holdsOnly(target, files.keySet()))) {
            Files.createDirectories(target);
            for (Map.Entry<String, AtomicFile.Content> f : files.entrySet()) AtomicFile.write(target.resolve(f.getKey()), f.getValue());
            return written;
        }
        Files.createDirectories(parent);
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + Long.toHexString(System.nanoTime());
        Path part = parent.resolve(stem + ".part"), old = parent.resolve(stem + ".old");
        try {
            Files.createDirectory(part);
            for (Map.Entry<String, AtomicFile.Content> f : files.entrySet()) AtomicFile.write(part.resolve(f.getKey()), f.getValue());
            if (Files.exists(target)) move(target, old);
            move(part, target);
        } finally {
            deleteTree(part);
            deleteTree(old);
        }
        return written;
    }

    private static boolean holdsOnly(Path dir, Set<String> names) throws IOException {
        try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
            for (Path p : in) {
                if (!names.contains(p.getFileName().toString()) || Files.isDirectory(p)) return false;
            }
        }
        return true;
    }

    /** A killed run's {@code .DIR.*.part} / {@code .old} siblings and {@code .*.tmp} files inside DIR. */
    private static void removeLeftovers(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent != null && Files.isDirectory(parent)) {
            String prefix = "." + target.getFileName() + ".";
            try (DirectoryStream<Path> in = Files.newDirectoryStream(parent, p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && (n.endsWith(".part") || n.endsWith(".old"));
            })) {
                for (Path p : in) deleteTree(p);
            }
        }
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> in = Files.newDirectoryStream(target, p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && n.endsWith(".tmp");
            })) {
                for (Path p : in) Files.deleteIfExists(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

    /** An ordered map of file names to contents, for {@link #write}. */
    public static Map<String, AtomicFile.Content> files() {
        return new LinkedHashMap<>();
    }
}
