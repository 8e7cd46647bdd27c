package hyp.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile and check goals on a project in a temporary folder, their log captured. */
class CompileMojoTest {
    private static final String MODEL = """
            def f(x: real) -> real = x^3 + sin2(x)
            def sin2(x: real) -> real = x * x
            """;

    @TempDir
    Path project;

    private final List<String> info = new ArrayList<>(), errors = new ArrayList<>();

    /** A log that keeps what the goal says. */
    private final class Recorder extends SystemStreamLog {
        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    }

    private MavenProject mavenProject() {
        MavenProject p = new MavenProject();
        p.setFile(project.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(project.resolve("target").toString());
        build.setOutputDirectory(project.resolve("target/classes").toString());
        p.setBuild(build);
        return p;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(field);
    }

    private CompileMojo compile(MavenProject p) throws Exception {
        CompileMojo mojo = new CompileMojo();
        set(mojo, "project", p);
        set(mojo, "sourceDirectory", project.resolve("src/main/hyp").toFile());
        set(mojo, "outputDirectory", project.resolve("target/classes").toFile());
        set(mojo, "generatedSourcesDirectory", project.resolve("target/generated-sources/hyp").toFile());
        set(mojo, "javaSources", true);
        mojo.setLog(new Recorder());
        return mojo;
    }

    private Path model(String path, String source) throws Exception {
        Path f = project.resolve("src/main/hyp").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, source);
        return f;
    }

    @Test
    void compilesClassesAndJavaSourceAndAddsTheSourceRoot() throws Exception {
        model("models/cubic.hyp", MODEL);
        MavenProject p = mavenProject();
        compile(p).execute();
        Path classes = project.resolve("target/classes");
        assertTrue(Files.exists(classes.resolve("hyp/generated/Cubic.class")));
        assertTrue(Files.exists(project.resolve("target/generated-sources/hyp/hyp/generated/Cubic.java")));
        assertTrue(p.getCompileSourceRoots().contains(project.resolve("target/generated-sources/hyp").toString()));
        assertTrue(info.get(0).startsWith("hyp: compiled src/main/hyp/models/cubic.hyp (class hyp.generated.Cubic, 2 defs"),
                info.toString());
        // The class runs: f(2) = 8 + 4, and f_grad gives 3·4 + 2·2
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c = loader.loadClass("hyp.generated.Cubic");
            assertEquals(12.0, (double) c.getMethod("f", double.class).invoke(null, 2.0));
            Object[] grad = (Object[]) c.getMethod("f_grad", double.class).invoke(null, 2.0);
            assertEquals(16.0, (double) grad[1], 1e-12);
        }
    }

    @Test
    void compileErrorsAreLoggedWithTheirLocationAndFailTheBuild() throws Exception {
        model("good.hyp", MODEL);
        model("bad.hyp", "def f(x: real) -> real = x + y\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> compile(mavenProject()).execute());
        assertEquals("hyp: 1 error in 1 of 2 models (listed above)", e.getMessage());
        String first = errors.get(0);
        assertTrue(first.matches(".*bad\\.hyp:1:30: error: .*'y'.*"), first);
        assertTrue(errors.get(1).contains("def f(x: real) -> real = x + y"), errors.toString());
        assertFalse(Files.exists(project.resolve("target/classes/hyp/generated/Bad.class")));
    }

    @Test
    void aMissingSourceFolderIsANoOp() throws Exception {
        MavenProject p = mavenProject();
        compile(p).execute();
        assertEquals(List.of("hyp: no .hyp files in src/main/hyp, nothing to compile"), info);
        assertFalse(Files.exists(project.resolve("target")));
        assertTrue(p.getCompileSourceRoots().isEmpty());
    }

    @Test
    void twoModelsWithOneClassNameAreAnError() throws Exception {
        model("a/logreg.hyp", MODEL);
        model("b/logreg.hyp", MODEL);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> compile(mavenProject()).execute());
        assertEquals("src/main/hyp/a/logreg.hyp and src/main/hyp/b/logreg.hyp both compile to class "
                + "hyp.generated.Logreg (the class is named after the file, whatever its folder): rename one of them",
                e.getMessage());
    }

    @Test
    void aModelNamedLikeAnothersCompanionIsAnError() throws Exception {
        model("logreg.hyp", MODEL);
        model("logreg-training.hyp", MODEL);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> compile(mavenProject()).execute());
        assertEquals("src/main/hyp/logreg-training.hyp and src/main/hyp/logreg.hyp both need class hyp.generated.LogregTraining "
                + "(a file with train and tune statements also gets classes NameTraining and NameReversible beside its class "
                + "Name): rename one of them", e.getMessage());
    }

    @Test
    void onlyStaleModelsAreRecompiled() throws Exception {
        Path a = model("a.hyp", MODEL);
        model("b.hyp", MODEL);
        compile(mavenProject()).execute();
        assertEquals(2, info.stream().filter(l -> l.startsWith("hyp: compiled")).count());
        info.clear();
        compile(mavenProject()).execute();
        assertEquals(List.of("hyp: 2 models are up to date"), info);
        info.clear();
        Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        compile(mavenProject()).execute();
        assertEquals(2, info.size(), info.toString());
        assertTrue(info.get(0).startsWith("hyp: compiled src/main/hyp/a.hyp"), info.toString());
        assertEquals("hyp: 1 model is up to date", info.get(1));
    }

    @Test
    void excludesAndSkipAreHonoured() throws Exception {
        model("a.hyp", MODEL);
        model("scratch/b.hyp", "not a model");
        CompileMojo mojo = compile(mavenProject());
        set(mojo, "excludes", List.of("scratch/**"));
        mojo.execute();
        assertTrue(Files.exists(project.resolve("target/classes/hyp/generated/A.class")));
        assertFalse(Files.exists(project.resolve("target/classes/hyp/generated/B.class")));
        info.clear();
        CompileMojo skipped = compile(mavenProject());
        set(skipped, "skip", true);
        skipped.execute();
        assertEquals(List.of("hyp: skipped"), info);
    }

    @Test
    void testModelsGoToTheTestFolders() throws Exception {
        Path f = project.resolve("src/test/hyp/fixture.hyp");
        Files.createDirectories(f.getParent());
        Files.writeString(f, MODEL);
        MavenProject p = mavenProject();
        TestCompileMojo mojo = new TestCompileMojo();
        set(mojo, "project", p);
        set(mojo, "sourceDirectory", project.resolve("src/test/hyp").toFile());
        set(mojo, "outputDirectory", project.resolve("target/test-classes").toFile());
        set(mojo, "generatedSourcesDirectory", project.resolve("target/generated-test-sources/hyp").toFile());
        set(mojo, "javaSources", true);
        mojo.setLog(new Recorder());
        mojo.execute();
        assertTrue(Files.exists(project.resolve("target/test-classes/hyp/generated/Fixture.class")));
        assertTrue(p.getTestCompileSourceRoots().contains(project.resolve("target/generated-test-sources/hyp").toString()));
        assertFalse(p.getCompileSourceRoots().contains(project.resolve("target/generated-test-sources/hyp").toString()));
    }

    @Test
    void checkRunsHypCheckOnEachModel() throws Exception {
        model("cubic.hyp", MODEL);
        CheckMojo check = new CheckMojo();
        set(check, "project", mavenProject());
        set(check, "sourceDirectory", new File(project.resolve("src/main/hyp").toString()));
        set(check, "points", 3);
        set(check, "seed", 1L);
        check.setLog(new Recorder());
        check.execute();
        assertEquals("hyp: check src/main/hyp/cubic.hyp", info.get(0));
        assertTrue(info.contains("all 2 defs passed"), info.toString());
        assertTrue(info.stream().anyMatch(l -> l.matches("f +adjoint vs complex step +3 .* ok")), info.toString());
    }
}
