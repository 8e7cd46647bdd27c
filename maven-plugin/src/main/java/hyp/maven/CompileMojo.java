package hyp.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles {@code src/main/hyp/**}{@code /*.hyp}: each file's classes ({@code hyp.generated.Name}, with
 * {@code NameTraining} and the solver's wiring for a file with train and tune statements) into
 * {@code target/classes}, their Java source into {@code target/generated-sources/hyp}, a compile source root.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class CompileMojo extends AbstractCompileMojo {
    /** The folder of the models. */
    @Parameter(defaultValue = "${project.basedir}/src/main/hyp")
    private File sourceDirectory;

    /** Where the class files go. */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    private File outputDirectory;

    /** Where the Java source goes. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/hyp")
    private File generatedSourcesDirectory;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected File generatedSourcesDirectory() {
        return generatedSourcesDirectory;
    }

    @Override
    protected void addSourceRoot(String dir) {
        project.addCompileSourceRoot(dir);
    }
}
