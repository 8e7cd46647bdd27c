package hyp.compiler.backend.java;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How generated code names the classes it uses: by simple name (with an import unless in the own package) when
 * that name is not already taken by the generated class or another class, else fully qualified.
 */
final class ClassRefs {
    private final String ownPackage;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    ClassRefs(String ownClass) {
        this.ownPackage = packageOf(ownClass);
        bySimpleName.put(simpleName(ownClass), ownClass);
    }

    /** The name to write for {@code qualified} (a class name with dots). */
    String name(String qualified) {
        String simple = simpleName(qualified);
        String holder = bySimpleName.putIfAbsent(simple, qualified);
        if (holder != null && !holder.equals(qualified)) return qualified;
        String pkg = packageOf(qualified);
        // java.lang classes are imported too: another class of the own package (say a generated "Object" or
        // "Math") would otherwise shadow the implicit import.
        if (!pkg.equals(ownPackage)) imports.add(qualified);
        return simple;
    }

    ClassOrInterfaceType type(String qualified) {
        return StaticJavaParser.parseClassOrInterfaceType(name(qualified));
    }

    /** The class as the scope of a static call or field access. */
    Expression expr(String qualified) {
        return StaticJavaParser.parseExpression(name(qualified));
    }

    /** Classes to import, sorted. */
    Set<String> imports() {
        return imports;
    }

    /**
     * Names a local variable must not take if it may shadow {@code qualified} in an expression: its simple name
     * and the first segment of its qualified name.
     */
    static Set<String> shadowable(String qualified) {
        return Set.of(simpleName(qualified), qualified.substring(0, qualified.indexOf('.') < 0 ? qualified.length() : qualified.indexOf('.')));
    }

    static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    static String packageOf(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? "" : qualified.substring(0, dot);
    }
}
