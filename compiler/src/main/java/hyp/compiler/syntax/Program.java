package hyp.compiler.syntax;

import hyp.compiler.diag.SourceFile;
import java.util.List;

/** A parsed .hyp file: its declarations in source order. */
public record Program(SourceFile source, List<Decl> decls) {
    public <T extends Decl> List<T> all(Class<T> kind) {
        return decls.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
