package hyp.maven;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The .hyp files under a source folder that the includes select and the excludes do not (Ant-style globs). */
final class Models {
    private Models() {}

    /** The selected files, sorted, as paths under {@code root}; empty when {@code root} does not exist. */
    static List<Path> find(Path root, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<PathMatcher> in = matchers(includes), out = matchers(excludes);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                Path rel = root.relativize(f);
                if (matches(in, rel) && !matches(out, rel)) found.add(f);
            });
        }
        return found;
    }

    private static boolean matches(List<PathMatcher> matchers, Path rel) {
        return matchers.stream().anyMatch(m -> m.matches(rel));
    }

    /** {@code **}{@code /*.hyp} also matches a file directly in the folder, as in Ant and Maven. */
    private static List<PathMatcher> matchers(List<String> globs) {
        FileSystem fs = FileSystems.getDefault();
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.replace('\\', '/');
            out.add(fs.getPathMatcher("glob:" + glob));
            while (glob.startsWith("**/")) {
                glob = glob.substring(3);
                out.add(fs.getPathMatcher("glob:" + glob));
            }
        }
        return out;
    }
}
