package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Type;

/** A data, param or hyper declaration with its resolved type. */
public record Global(Decl.Var decl, Type type) {
    public String name() {
        return decl.name().name();
    }

    public Decl.VarKind kind() {
        return decl.kind();
    }
}
