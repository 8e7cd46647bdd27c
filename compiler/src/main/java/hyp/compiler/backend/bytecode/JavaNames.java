package hyp.compiler.backend.bytecode;

import java.util.Set;

/**
 * Legal JVM and Java names for .hyp identifiers. A .hyp def may be called {@code new} or take a parameter called
 * {@code int}; such names get a trailing {@code _}, so the same rule serves the bytecode and the Java-source back
 * end and a caller can find a function by its .hyp name in either.
 */
public final class JavaNames {
    private JavaNames() {}

    /** Java keywords, literals, and the contextual words that cannot name a method called without qualification. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");

    /** {@code name}, or {@code name_} when it is reserved in Java. */
    public static String legal(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty name");
        if (!Character.isJavaIdentifierStart(name.charAt(0))) throw notIdentifier(name);
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) throw notIdentifier(name);
        }
        return RESERVED.contains(name) ? name + "_" : name;
    }

    private static IllegalArgumentException notIdentifier(String name) {
        return new IllegalArgumentException("'" + name + "' cannot name a Java method or variable");
    }
}
