package hyp.compiler.cli;

import hyp.compiler.ir.Function;
import java.nio.file.Path;
import java.util.List;

/** Writes the Java-source form of generated code (the second back end), for reading and for javac. */
final class JavaSource {
    private JavaSource() {}

    static void write(Path dir, String className, List<Function> functions) throws java.io.IOException {
        hyp.compiler.backend.java.JavaSourceBackend.generate(className, functions).writeTo(dir);
    }
}
