package hyp.compiler.build;

import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.ir.Function;
import hyp.compiler.jar.JarWriter;
import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one .hyp file compiles to: the generated classes (by binary name), the resources read beside them (the
 * solver's wiring), and the IR of each class for its Java-source form. Written as a model jar ({@code hyp
 * compile}) or into a class folder and a source folder (the Maven plugin).
 *
 * @param className the def class, e.g. {@code hyp.generated.Logreg}; the others are named after it
 * @param classes   class files by binary name, the def class first
 * @param resources resources by path inside the jar or class folder
 * @param functions the IR functions of each class, for {@link #writeJava}
 * @param defs      how many defs the file has
 * @param gradients how many {@code NAME_grad} methods were added
 * @param solver    whether the file has a train and a tune statement, so {@code Solver} runs it
 */
public record CompiledModel(String className, Map<String, byte[]> classes, Map<String, byte[]> resources,
                            Map<String, List<Function>> functions, int defs, int gradients, boolean solver) {
    /** A jar of the classes, resources and the runtime, runnable with {@code java -jar}. */
    public void writeJar(Path target) throws IOException {
        JarWriter.write(target, classes, resources, className, Tensor.class);
    }

    /** The class files and resources under {@code dir} (e.g. {@code target/classes}); returns the files written. */
    public List<Path> writeClasses(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            written.add(write(dir.resolve(c.getKey().replace('.', '/') + ".class"), c.getValue()));
        }
        for (Map.Entry<String, byte[]> r : resources.entrySet()) written.add(write(dir.resolve(r.getKey()), r.getValue()));
        return written;
    }

    /** Each class as readable Java source under {@code dir} (package folders included); returns the files written. */
    public List<Path> writeJava(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Function>> f : functions.entrySet()) {
            written.add(JavaSourceBackend.generate(f.getKey(), f.getValue()).writeTo(dir));
        }
        return written;
    }

    /** One line for a log, e.g. {@code class hyp.generated.Logreg, 4 defs, 3 gradient methods}. */
    public String summary() {
        return "class " + className + ", " + defs + " def" + (defs == 1 ? "" : "s") + ", " + gradients
                + " gradient method" + (gradients == 1 ? "" : "s") + (solver ? ", the solver of its tune statement" : "");
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }
}
