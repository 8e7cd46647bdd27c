package hyp.compiler.backend.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import hyp.compiler.backend.bytecode.JavaNames;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.opt.BackEndPasses;
import hyp.compiler.opt.ElementwiseFusion;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.Primitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java-source back end: IR functions as readable Java, one {@code public static} method per def in a
 * {@code public final} class, built as a javaparser syntax tree and printed by its pretty printer. The code
 * computes exactly what the bytecode back end's does (same operators, same runtime calls, same method names).
 */
public final class JavaSourceBackend {
    private static final List<String> ALWAYS_USED =
            List.of(JavaTypes.TENSOR, Emission.TAPE, "java.lang.Object", "java.lang.Double");

    private final String className;
    private final CompilationUnit unit;

    private JavaSourceBackend(String className, CompilationUnit unit) {
        this.className = className;
        this.unit = unit;
    }

    /** Compiles {@code functions} into the class {@code className} (a binary name, e.g. {@code models.Mod1}). */
    public static JavaSourceBackend generate(String className, List<Function> functions) {
        return generate(className, functions, true);
    }

    /**
     * As {@link #generate(String, List)}; with {@code fuse} (the default) chains of element-wise tensor ops are
     * first fused by {@link ElementwiseFusion}, and each fused loop is written as a private static method.
     */
    public static JavaSourceBackend generate(String className, List<Function> functions, boolean fuse) {
        checkDistinct(functions);
        if (fuse) functions = BackEndPasses.run(functions);
        ClassRefs refs = new ClassRefs(className);
        FusedSource fused = new FusedSource(refs);
        Set<String> reserved = reservedNames(functions);
        CompilationUnit unit = new CompilationUnit();
        String pkg = ClassRefs.packageOf(className);
        if (!pkg.isEmpty()) unit.setPackageDeclaration(pkg);
        ClassOrInterfaceDeclaration type = unit.addClass(ClassRefs.simpleName(className),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
        type.setJavadocComment("Compiled from .hyp defs; needs only the hyp runtime.");
        type.addConstructor(Modifier.Keyword.PRIVATE);
        for (Function f : functions) {
            MethodDeclaration m = new MethodWriter(refs, fused).write(f, parameterNames(f, reserved));
            m.setJavadocComment(javadoc(f));
            type.addMember(m);
        }
        for (MethodDeclaration loop : fused.methods()) {
            loop.setJavadocComment("A fused chain of element-wise ops: one pass over memory.");
            type.addMember(loop);
        }
        // Added directly: CompilationUnit.addImport would drop the java.lang imports ClassRefs asks for.
        for (String imported : refs.imports()) unit.getImports().add(new ImportDeclaration(imported, false, false));
        return new JavaSourceBackend(className, unit);
    }

    public String className() {
        return className;
    }

    /** The syntax tree, for callers that want to add to it. */
    public CompilationUnit compilationUnit() {
        return unit;
    }

    /** The formatted Java source. */
    public String source() {
        return unit.toString();
    }

    /** Writes {@code package/dirs/Name.java} under {@code dir}; returns the file written. */
    public Path writeTo(Path dir) throws IOException {
        Path file = dir.resolve(className.replace('.', '/') + ".java");
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, source(), StandardCharsets.UTF_8);
        return file;
    }

    /** Two defs with one Java name and one signature cannot both be methods. */
    private static void checkDistinct(List<Function> functions) {
        Set<String> seen = new HashSet<>();
        for (Function f : functions) {
            String key = JavaNames.legal(f.name()) + f.params().stream().map(v -> v.type().toString()).toList();
            if (!seen.add(key)) throw new IllegalArgumentException("two functions compile to method " + key);
        }
    }

    /**
     * Names parameters may not take: any local's name, and any name that would shadow a class the code uses (a
     * parameter named {@code Math} or {@code hyp} would hide {@code Math.max} or {@code hyp.runtime...}).
     */
    private static Set<String> reservedNames(List<Function> functions) {
        Set<String> classes = new HashSet<>(ALWAYS_USED);
        classes.add(Emission.MATH);
        for (Function f : functions) {
            IrWalk.nodes(f.body(), n -> {
                if (!(n instanceof Node.Op op)) return;
                Emission e = Primitive.of(op).emission(op.args().stream().map(Var::type).toList(), op.attr());
                if (e instanceof Emission.Call c) classes.add(c.owner());
                if (e instanceof Emission.CallWithArray c) classes.add(c.owner());
            });
        }
        Set<String> reserved = new HashSet<>();
        for (String c : classes) reserved.addAll(ClassRefs.shadowable(c));
        return reserved;
    }

    /** The .hyp parameter names made legal and distinct from every other name in the method. */
    private static List<String> parameterNames(Function f, Set<String> reservedForClasses) {
        Set<String> taken = new HashSet<>(reservedForClasses);
        IrWalk.nodes(f.body(), n -> {
            n.defs().forEach(v -> taken.add(v.javaName()));
            for (var region : IrWalk.regions(n)) region.params().forEach(v -> taken.add(v.javaName()));
        });
        List<String> names = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            String name = i < f.paramNames().size() ? JavaNames.legal(f.paramNames().get(i)) : f.params().get(i).javaName();
            while (!taken.add(name)) name = name + "_";
            names.add(name);
        }
        return names;
    }

    private static String javadoc(Function f) {
        Span[] first = {null};
        IrWalk.nodes(f.body(), n -> {
            if (first[0] == null && n.span() != null) first[0] = n.span();
        });
        String file = first[0] == null ? "" : Literals.fileName(first[0]);
        String from = file.isEmpty() ? "" : " in " + file;
        return "The .hyp def {@code " + f.name() + "}" + from + ".";
    }
}
