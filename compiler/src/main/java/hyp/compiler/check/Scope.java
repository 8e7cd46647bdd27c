package hyp.compiler.check;

import hyp.compiler.types.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local names visible at a point in a body, with their types. Copied at branches, merged after. */
final class Scope {
    final Map<String, Type> locals;
    /** Names that may not be assigned, with what they are ("loop variable", "setting", ...) for messages. */
    final Map<String, String> readOnly;

    Scope() {
        this(new LinkedHashMap<>(), new HashMap<>());
    }

    private Scope(Map<String, Type> locals, Map<String, String> readOnly) {
        this.locals = locals;
        this.readOnly = readOnly;
    }

    Scope copy() {
        return new Scope(new LinkedHashMap<>(locals), new HashMap<>(readOnly));
    }

    Type get(String name) {
        return locals.get(name);
    }

    void put(String name, Type type) {
        locals.put(name, type);
    }

    /** After an if: names bound before, plus names bound on both paths with one type. */
    static Scope merge(Scope before, Scope a, Scope b) {
        Scope out = before.copy();
        for (Map.Entry<String, Type> e : a.locals.entrySet()) {
            if (!out.locals.containsKey(e.getKey()) && e.getValue().equals(b.locals.get(e.getKey()))) {
                out.locals.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
