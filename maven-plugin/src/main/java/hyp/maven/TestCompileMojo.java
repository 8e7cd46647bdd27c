package hyp.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the test models {@code src/test/hyp/**}{@code /*.hyp}: each file's classes ({@code hyp.generated.Name},
 * with {@code NameTraining} and the solver's wiring for a file with train and tune statements) into
 * {@code target/test-classes}, their Java source into {@code target/generated-test-sources/hyp}, a test source root.
 */
@Mojo(name = "test-compile", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class TestCompileMojo extends AbstractCompileMojo {
    /** The folder of the models. */
    @Parameter(defaultValue = "${project.basedir}/src/test/hyp")
    private File sourceDirectory;

    /** Where the class files go. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}")
    private File outputDirectory;

    /** Where the Java source goes. */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/hyp")
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
        project.addTestCompileSourceRoot(dir);
    }
}
