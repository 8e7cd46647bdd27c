package hyp.compiler.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.backend.bytecode.JavaNames;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.interp.Samples;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.complex.ComplexTensor;
import hyp.runtime.ops.ShapeMismatchException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaSourceBackendTest {
    @Test
    void mod1ReadsLikeHandWrittenJava() {
        String src = JavaSourceBackend.generate("gen.Mod1", List.of(Samples.mod1())).source();
        assertTrue(src.startsWith("package gen;"), src);
        assertTrue(src.contains("public final class Mod1 {"), src);
        assertTrue(src.contains("public static double mod1(double x) {"), src);
        assertTrue(src.contains("The .hyp def {@code mod1} in mod1.hyp."), src);
        assertTrue(src.contains("// mod1.hyp:2:5\n        while (true) {"), src);
        assertTrue(src.contains("if (!"), src);
        assertTrue(src.contains("break;"), src);
        assertTrue(src.contains("} else {"), src);
    }

    @Test
    void compiledMod1AgreesWithTheSeedAndTheEvaluator() throws Exception {
        Function f = Samples.mod1();
        Method m = method(InMemoryJavac.compile("gen.Mod1", JavaSourceBackend.generate("gen.Mod1", List.of(f)).source()), "mod1");
        assertEquals(0.3, (Double) m.invoke(null, -2.7), 1e-12);
        assertEquals(0.25, (Double) m.invoke(null, 5.25), 1e-12);
        assertEquals(0.5, (Double) m.invoke(null, 0.5), 0.0);
        assertEquals(0.0, (Double) m.invoke(null, -1.0), 0.0);
        Random r = new Random(7);
        for (int k = 0; k < 200; k++) {
            double x = (r.nextDouble() - 0.5) * 40;
            assertEquals(Interpreter.run(f, List.of(x)), m.invoke(null, x), "x = " + x);
        }
    }

    /** Every sample in one class; results must equal the evaluator's bit for bit (same operations, same order). */
    @Test
    void everySampleAgreesWithTheEvaluatorOnRandomInputs() throws Exception {
        List<Samples.Sample> samples = Samples.all();
        List<Function> functions = samples.stream().map(Samples.Sample::function).toList();
        Class<?> c = InMemoryJavac.compile("gen.All", JavaSourceBackend.generate("gen.All", functions).source());
        Random r = new Random(11);
        for (Samples.Sample s : samples) {
            Method m = method(c, JavaNames.legal(s.function().name()));
            for (int k = 0; k < 40; k++) {
                List<Object> args = s.args().apply(r);
                assertSame(Interpreter.run(s.function(), args), m.invoke(null, args.toArray()),
                        s.function().name() + args);
            }
        }
    }

    @Test
    void keywordNamesGetAnUnderscoreAndClassNamesAreNotShadowed() throws Exception {
        JavaSourceBackend gen = JavaSourceBackend.generate("gen.Keywords", List.of(Samples.keywords()));
        assertTrue(gen.source().contains("public static double new_(double int_, double true_, double hyp_, double Math_)"),
                gen.source());
        Method m = method(InMemoryJavac.compile("gen.Keywords", gen.source()), "new_");
        double a = 1.5, b = -0.25, c = 3.0, d = 0.5;
        double want = a * Math.exp(b) + c + 1 / (1 + Math.exp(-d));
        assertEquals(want, (Double) m.invoke(null, a, b, c, d), 1e-12);
    }

    @Test
    void aParameterNamedLikeALocalIsRenamed() throws Exception {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var x = b.fresh(Type.REAL, null);
        Block body = b.block(List.of(x), () -> List.of(b.op(Prims.MUL, x, b.real(2.0))));
        Var local = body.results().get(0);
        Function f = new Function("twice", List.of(local.javaName()), body);
        String src = JavaSourceBackend.generate("gen.Twice", List.of(f)).source();
        assertTrue(src.contains("twice(double " + local.javaName() + "_)"), src);
        assertEquals(7.0, method(InMemoryJavac.compile("gen.Twice", src), "twice").invoke(null, 3.5));
    }

    @Test
    void aClassNamedLikeARuntimeClassStillCompiles() throws Exception {
        Map<String, String> sources = new HashMap<>();
        Map<String, Function> functions = new HashMap<>();
        for (String name : List.of("Math", "Tensor", "Shapes", "Object", "Double")) {
            Function f = name.equals("Math") ? Samples.mathCalls()
                    : name.equals("Double") ? Samples.specialConstants() : Samples.tensorOps();
            functions.put("gen." + name, f);
            sources.put("gen." + name, JavaSourceBackend.generate("gen." + name, List.of(f)).source());
        }
        ClassLoader loader = InMemoryJavac.compile(sources);
        Random r = new Random(5);
        for (Map.Entry<String, Function> e : functions.entrySet()) {
            Function f = e.getValue();
            List<Object> args = e.getKey().equals("gen.Math") ? List.of(0.5, 2.0) : e.getKey().equals("gen.Double")
                    ? List.of(1.25) : List.of(Samples.tensor(r, 3, 4), Samples.tensor(r, 4), 0.5);
            assertSame(Interpreter.run(f, args), method(loader.loadClass(e.getKey()), f.name()).invoke(null, args.toArray()),
                    e.getKey());
        }
    }

    @Test
    void runtimeExceptionsPropagateFromGeneratedCode() throws Exception {
        Class<?> c = InMemoryJavac.compile("T", JavaSourceBackend.generate("T", List.of(Samples.tensorOps())).source());
        Random r = new Random(3);
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> method(c, "tensorOps").invoke(null, Samples.tensor(r, 3, 4), Samples.tensor(r, 5), 1.0));
        assertEquals(ShapeMismatchException.class, e.getCause().getClass());
    }

    @Test
    void writeToPlacesTheFileUnderItsPackage(@TempDir Path dir) throws Exception {
        JavaSourceBackend gen = JavaSourceBackend.generate("models.tuned.Mod1", List.of(Samples.mod1()));
        Path file = gen.writeTo(dir);
        assertEquals(dir.resolve("models/tuned/Mod1.java"), file);
        assertEquals(gen.source(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void twoDefsWithOneJavaSignatureAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> JavaSourceBackend.generate("gen.Twice", List.of(Samples.mod1(), Samples.mod1())));
    }

    private static Method method(Class<?> c, String name) {
        return Arrays.stream(c.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Equal results: doubles bit for bit (NaN equals NaN; so are the parts of a Complex, a record), tensors by shape
     * and data, arrays element-wise.
     */
    static void assertSame(Object want, Object got, String what) {
        if (want instanceof Object[] w) {
            Object[] g = (Object[]) got;
            assertEquals(w.length, g.length, what);
            for (int i = 0; i < w.length; i++) assertSame(w[i], g[i], what + " result " + i);
        } else if (want instanceof Tensor w) {
            Tensor g = (Tensor) got;
            assertTrue(Arrays.equals(w.shape, g.shape) && Arrays.equals(w.data, g.data), what);
        } else if (want instanceof ComplexTensor w) {
            ComplexTensor g = (ComplexTensor) got;
            assertTrue(Arrays.equals(w.shape, g.shape) && Arrays.equals(w.re, g.re) && Arrays.equals(w.im, g.im), what);
        } else {
            assertEquals(want, got, what);
        }
    }
}
