package hyp.maven;

import hyp.compiler.build.CompiledModel;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.InternalCompilerError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles each model whose class is missing or older than its .hyp file (or than the compiler): class files and
 * the solver's wiring into the output folder, the same code as Java source into the generated-sources folder,
 * which is added to the project's source roots so IDEs and javac see the types. Errors are logged as
 * {@code file:line:col: error: message} for every file, then the build fails.
 */
abstract class AbstractCompileMojo extends AbstractHypMojo {
    /** Skips the goal. */
    @Parameter(property = "hyp.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Whether to write the Java source of the generated classes and add its folder as a source root. javac then
     * compiles that source into the same classes (the two back ends compute the same results, bit for bit); set
     * it to false to keep only the class files the bytecode back end writes, e.g. for a def whose Java method
     * would exceed javac's 64 KB limit.
     */
    @Parameter(property = "hyp.javaSources", defaultValue = "true")
    protected boolean javaSources;

    /** Where the class files go. */
    protected abstract File outputDirectory();

    /** Where the Java source goes. */
    protected abstract File generatedSourcesDirectory();

    /** Adds the generated-sources folder to the project's main or test source roots. */
    protected abstract void addSourceRoot(String dir);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hyp: skipped");
            return;
        }
        Map<Path, String> models = models();
        if (models.isEmpty()) {
            getLog().info("hyp: no .hyp files in " + relative(sourceDirectory().toPath()) + ", nothing to compile");
            return;
        }
        Path classes = outputDirectory().toPath(), sources = generatedSourcesDirectory().toPath();
        if (javaSources) addSourceRoot(sources.toString());
        long compilerTime = compilerTime();
        int compiled = 0, failed = 0, errors = 0;
        for (Map.Entry<Path, String> m : models.entrySet()) {
            Path file = m.getKey();
            if (upToDate(file, classes, sources, m.getValue(), compilerTime)) continue;
            try {
                CompiledModel model = ModelCompiler.compile(file, m.getValue());
                model.writeClasses(classes);
                if (javaSources) model.writeJava(sources);
                getLog().info("hyp: compiled " + relative(file) + " (" + model.summary() + ")");
                compiled++;
            } catch (CompileException e) {
                for (Diagnostic d : e.diagnostics()) {
                    for (String line : d.render().split("\n")) getLog().error(line);
                }
                failed++;
                errors += e.diagnostics().size();
            } catch (InternalCompilerError e) {
                String where = e.span() == null ? relative(file) : e.span().location();
                throw new MojoExecutionException(where + ": internal error: " + e.getMessage()
                        + " (a bug in hyp, not in the model; please report it with the .hyp file)", e);
            } catch (IOException e) {
                throw new MojoExecutionException("hyp: cannot compile " + relative(file) + ": " + e, e);
            }
        }
        if (failed > 0) {
            throw new MojoFailureException("hyp: " + errors + " error" + (errors == 1 ? "" : "s") + " in " + failed
                    + " of " + models.size() + " model" + (models.size() == 1 ? "" : "s") + " (listed above)");
        }
        int fresh = models.size() - compiled;
        if (fresh > 0) getLog().info("hyp: " + fresh + " model" + (fresh == 1 ? " is" : "s are") + " up to date");
    }

    /** Whether the model's class (and its source, if written) is newer than both the .hyp file and the compiler. */
    private boolean upToDate(Path file, Path classes, Path sources, String className, long compilerTime) {
        String path = className.replace('.', '/');
        try {
            long newest = Math.max(Files.getLastModifiedTime(file).toMillis(), compilerTime);
            if (!newer(classes.resolve(path + ".class"), newest)) return false;
            return !javaSources || newer(sources.resolve(path + ".java"), newest);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean newer(Path output, long than) throws IOException {
        return Files.exists(output) && Files.getLastModifiedTime(output).toMillis() >= than;
    }

    /** When the compiler's jar (or class folder) was written: a new compiler recompiles every model. */
    private static long compilerTime() {
        try {
            Path where = Path.of(ModelCompiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.getLastModifiedTime(where).toMillis();
        } catch (Exception e) {
            return Long.MAX_VALUE; // unknown: always recompile
        }
    }
}
