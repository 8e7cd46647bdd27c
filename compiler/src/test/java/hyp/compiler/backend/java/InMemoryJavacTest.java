package hyp.compiler.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryJavacTest {
    @Test
    void compilesAgainstTheRuntimeAndLoadsTheClass() throws Exception {
        Class<?> c = InMemoryJavac.compile("p.Q", String.join("\n",
                "package p;",
                "public final class Q {",
                "    public static double f(hyp.runtime.Tensor t) { return hyp.runtime.ops.Reductions.sum(t) * 2; }",
                "}"));
        assertEquals(12.0, c.getMethod("f", Tensor.class).invoke(null, Tensor.vector(1, 2, 3)));
    }

    @Test
    void compilesSeveralClassesThatUseEachOther() throws Exception {
        ClassLoader loader = InMemoryJavac.compile(Map.of(
                "a.A", "package a; public class A { public static int one() { return b.B.two() - 1; } }",
                "b.B", "package b; public class B { public static int two() { return 2; } }"));
        assertEquals(1, loader.loadClass("a.A").getMethod("one").invoke(null));
    }

    @Test
    void errorsCarryJavacDiagnosticsWithLines() {
        InMemoryJavac.CompilationFailedException e = assertThrows(InMemoryJavac.CompilationFailedException.class,
                () -> InMemoryJavac.compile("Broken", "public class Broken {\n  int f() { return \"no\"; }\n}"));
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.startsWith("Broken.java:2:") && d.contains("error")),
                e.getMessage());
    }

    @Test
    void java17IsTheTarget() {
        // A feature past Java 17 (record patterns) must be refused with --release 17.
        assertThrows(InMemoryJavac.CompilationFailedException.class, () -> InMemoryJavac.compile("R", String.join("\n",
                "public class R {",
                "    record P(int x) {}",
                "    static int f(Object o) { if (o instanceof P(int x)) return x; return 0; }",
                "}")));
    }
}
