package hyp.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled .hyp files are, whether tests run from the module or the repository root. */
final class Examples {
    private Examples() {}

    static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p : new Path[] {here, here.resolve("examples")}) {
            if (Files.exists(p.resolve("mod1.hyp"))) return p;
        }
        throw new IllegalStateException("examples folder not found from " + here);
    }

    static Path file(String name) {
        return folder().resolve(name);
    }
}
