package hyp.compiler.backend.java;

import java.util.Set;

/**
 * Makes .hyp identifiers legal Java names: a Java keyword or literal ({@code new}, {@code int}, {@code true},
 * {@code null}, ...) gets a trailing {@code _}. The bytecode back end applies the same rule, so a def has one
 * method name in both.
 */
public final class JavaNames {
    private JavaNames() {}

    /** The reserved words of Java 17: keywords (including {@code _}) and the literals true, false and null. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "_", "true", "false", "null");

    /** {@code name}, or {@code name + "_"} when it is a Java keyword or literal. */
    public static String safe(String name) {
        return RESERVED.contains(name) ? name + "_" : name;
    }
}
