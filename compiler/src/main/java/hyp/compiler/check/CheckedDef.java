package hyp.compiler.check;

import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A def with its signature resolved: parameter types (written, or taken from the data/param/hyper of the same name)
 * and the inferred result type; {@code globals} are the data/param/hyper it reads without taking them as parameters,
 * directly or through the defs it calls, in declaration order.
 */
public record CheckedDef(Decl.Def decl, List<Type> paramTypes, Type result, List<String> globals) {
    public String name() {
        return decl.name().name();
    }

    public List<String> paramNames() {
        return decl.params().stream().map(p -> p.name().name()).toList();
    }
}
