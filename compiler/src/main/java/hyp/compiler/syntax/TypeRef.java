package hyp.compiler.syntax;

import hyp.compiler.diag.Span;
import java.util.List;

/** A written type: {@code real}, {@code int}, {@code bool}, or {@code real[n, 3]}. */
public record TypeRef(Base base, List<DimRef> dims, Span span) {
    public enum Base { REAL, INT, BOOL }

    /** A dimension: a symbolic name (unified across the file) or a literal size. */
    public record DimRef(String name, int size, Span span) {
        public boolean symbolic() {
            return name != null;
        }
    }
}
