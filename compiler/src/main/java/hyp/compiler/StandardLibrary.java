package hyp.compiler;

import hyp.compiler.diag.SourceFile;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Parser;
import hyp.compiler.syntax.Program;
import hyp.runtime.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standard optimizers, written in .hyp and shipped in the runtime jar. Every program sees those it does not
 * declare itself.
 */
public final class StandardLibrary {
    public static final String RESOURCE = "/hyp/stdlib/optimizers.hyp";
    private static volatile Program library;

    private StandardLibrary() {}

    public static Program program() {
        Program p = library;
        if (p == null) {
            try (InputStream in = Tensor.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the standard library " + RESOURCE + " is missing from the runtime");
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                p = Parser.parse(new SourceFile("<stdlib>/optimizers.hyp", text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            library = p;
        }
        return p;
    }

    /** The program with the library's optimizers that it does not declare appended. */
    public static Program addTo(Program user) {
        Set<String> declared = new HashSet<>();
        for (Decl.Optimizer o : user.all(Decl.Optimizer.class)) declared.add(o.name().name());
        List<Decl> decls = new ArrayList<>(user.decls());
        for (Decl.Optimizer o : program().all(Decl.Optimizer.class)) {
            if (!declared.contains(o.name().name())) decls.add(o);
        }
        return new Program(user.source(), decls);
    }
}
