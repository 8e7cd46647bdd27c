package hyp.maven;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.gradcheck.ProgramCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hyp check} on the models: each def's adjoint, tangent and Hessian-vector code against the complex step
 * and central differences at random points. A def beyond its tolerance, or a file with errors, fails the build.
 * Bound to the test phase, and skipped with the tests ({@code -DskipTests}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class CheckMojo extends AbstractHypMojo {
    /** The folder of the models. */
    @Parameter(defaultValue = "${project.basedir}/src/main/hyp")
    private File sourceDirectory;

    /** Random points per def. */
    @Parameter(property = "hyp.check.points", defaultValue = "10")
    private int points;

    /** Seed of the random points. */
    @Parameter(property = "hyp.check.seed", defaultValue = "1")
    private long seed;

    /** Skips the goal. */
    @Parameter(property = "hyp.check.skip", defaultValue = "false")
    private boolean skip;

    /** Skips the goal with the tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("hyp: check skipped");
            return;
        }
        if (points < 1) throw new MojoExecutionException("hyp.check.points must be at least 1, not " + points);
        List<Path> models = new ArrayList<>(models().keySet());
        if (models.isEmpty()) {
            getLog().info("hyp: no .hyp files in " + relative(sourceDirectory.toPath()) + ", nothing to check");
            return;
        }
        List<String> failures = new ArrayList<>();
        for (Path file : models) {
            try {
                ProgramCheck result = ProgramCheck.run(Pipeline.check(Pipeline.read(file)), points, seed);
                getLog().info("hyp: check " + relative(file));
                for (String line : result.table().split("\n")) {
                    if (result.passed()) getLog().info(line);
                    else getLog().error(line);
                }
                if (!result.ignored().isEmpty()) getLog().info("not checked: " + String.join(", ", result.ignored()));
                if (!result.passed()) failures.add(relative(file));
            } catch (CompileException e) {
                for (Diagnostic d : e.diagnostics()) {
                    for (String line : d.render().split("\n")) getLog().error(line);
                }
                failures.add(relative(file));
            } catch (InternalCompilerError e) {
                String where = e.span() == null ? relative(file) : e.span().location();
                throw new MojoExecutionException(where + ": internal error: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("hyp: cannot read " + relative(file) + ": " + e, e);
            }
        }
        if (!failures.isEmpty()) throw new MojoFailureException("hyp check failed for " + String.join(", ", failures));
    }
}
