package hyp.maven;

import hyp.compiler.build.ClassNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the project, which .hyp files they read, and the class each file compiles to. */
abstract class AbstractHypMojo extends AbstractMojo {
    /** Binary names the compiler adds beside a model's class for its train and tune statements. */
    private static final List<String> COMPANIONS = List.of("", "Training", "Reversible");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Which files under the source folder are models (Ant-style globs relative to it). */
    @Parameter
    protected List<String> includes = new ArrayList<>(List.of("**/*.hyp"));

    /** Files under the source folder left out, even if included. */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /** The folder of .hyp files. */
    protected abstract File sourceDirectory();

    /** The selected models, each with the class it compiles to; a clear error when two map to one class name. */
    protected Map<Path, String> models() throws MojoExecutionException, MojoFailureException {
        Path root = sourceDirectory().toPath();
        List<Path> files;
        try {
            files = Models.find(root, includes, excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the .hyp files under " + root + ": " + e.getMessage(), e);
        }
        Map<Path, String> out = new LinkedHashMap<>();
        Map<String, Path> owners = new LinkedHashMap<>();
        for (Path f : files) {
            String name = ClassNames.forFile(f);
            for (String suffix : COMPANIONS) {
                Path other = owners.putIfAbsent(name + suffix, f);
                if (other == null) continue;
                String why = suffix.isEmpty() && out.get(other).equals(name)
                        ? "both compile to class " + name + " (the class is named after the file, whatever its folder)"
                        : "both need class " + name + suffix + " (a file with train and tune statements also gets "
                        + "classes NameTraining and NameReversible beside its class Name)";
                throw new MojoFailureException(relative(other) + " and " + relative(f) + " " + why + ": rename one of them");
            }
            out.put(f, name);
        }
        return out;
    }

    /** A path as the log shows it: relative to the project folder. */
    protected String relative(Path p) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
