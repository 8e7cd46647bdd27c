package hyp.compiler.ir;

import hyp.compiler.types.Type;

/** An SSA value: defined once, by a node, a block parameter or a function parameter. */
public record Var(int id, Type type, String hint) {
    @Override
    public String toString() {
        return hint == null ? "%" + id : "%" + hint + "." + id;
    }

    /** A name usable as a Java or JVM local. */
    public String javaName() {
        return (hint == null ? "v" : sanitize(hint) + "_") + id;
    }

    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(Character.isLetterOrDigit(c) ? c : '_');
        return b.toString();
    }
}
