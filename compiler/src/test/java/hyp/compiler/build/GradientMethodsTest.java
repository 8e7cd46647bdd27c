package hyp.compiler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyp compile} adds NAME_grad beside each differentiable def; checked against central differences. */
class GradientMethodsTest {
    private static final String SOURCE = """
            def f(x: real, w: real[3], k: int) -> real {
                s = 0.0
                for i in 0..k { s = s + sin_like(x * w[i]) }
                return s + x^3
            }
            def sin_like(z: real) = tanh(z) * exp(-z^2 / 4)
            def count(k: int) = k * 2.5
            """;

    record Run(int code, String out, String err) {}

    static Run hyp(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The generated class, loaded from the jar alone (the platform loader sees no hyp class). */
    private static Class<?> compile(Path dir, String source) throws Exception {
        Path file = dir.resolve("grads.hyp");
        Files.writeString(file, source);
        Path jar = dir.resolve("grads.jar");
        Run r = hyp("compile", file.toString(), "-o", jar.toString(), "--emit-java", dir.resolve("src").toString());
        assertEquals(0, r.code(), r.err());
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        return loader.loadClass("hyp.generated.Grads");
    }

    private static Method method(Class<?> c, String name) {
        for (Method m : c.getMethods()) if (m.getName().equals(name)) return m;
        throw new AssertionError("no method " + name + " in " + c.getName());
    }

    @Test
    void gradientMethodsMatchCentralDifferences(@TempDir Path dir) throws Exception {
        Class<?> c = compile(dir, SOURCE);
        Method f = method(c, "f"), grad = method(c, "f_grad");
        // The jar's own runtime copy: tensors are built through its Tensor class.
        Class<?> tensor = c.getClassLoader().loadClass("hyp.runtime.Tensor");
        java.lang.reflect.Constructor<?> vector = tensor.getConstructor(double[].class, int[].class);
        double x = 0.7;
        double[] w = {0.3, -1.1, 2.0};
        Object[] out = (Object[]) grad.invoke(null, x, vector.newInstance(w, new int[] {3}), 3);
        assertEquals(3, out.length, "value, d/dx, d/dw (k is an int)");
        assertEquals((Double) f.invoke(null, x, vector.newInstance(w, new int[] {3}), 3), (Double) out[0], 0.0);
        double h = 1e-5;
        double dx = ((Double) f.invoke(null, x + h, vector.newInstance(w, new int[] {3}), 3)
                - (Double) f.invoke(null, x - h, vector.newInstance(w, new int[] {3}), 3)) / (2 * h);
        assertEquals(dx, (Double) out[1], 1e-6);
        double[] dw = (double[]) tensor.getField("data").get(out[2]);
        for (int i = 0; i < 3; i++) {
            double[] up = w.clone(), down = w.clone();
            up[i] += h;
            down[i] -= h;
            double fd = ((Double) f.invoke(null, x, vector.newInstance(up, new int[] {3}), 3)
                    - (Double) f.invoke(null, x, vector.newInstance(down, new int[] {3}), 3)) / (2 * h);
            assertEquals(fd, dw[i], 1e-6, "d/dw[" + i + "]");
        }
        assertFalse(hasMethod(c, "count_grad"), "a def of ints alone has no gradient");
        assertTrue(hasMethod(c, "sin_like_grad"));
        assertTrue(Files.readString(dir.resolve("src/hyp/generated/Grads.java")).contains("f_grad("));
    }

    @Test
    void theJarsCommandLineRunsAGradientMethod(@TempDir Path dir) throws Exception {
        Class<?> c = compile(dir, "def g(x: real, y: real) = x * y^2\n");
        Class<?> entry = c.getClassLoader().loadClass("hyp.runtime.cli.EntryPoint");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Method execute = entry.getMethod("execute", Class.class, String[].class, PrintStream.class, PrintStream.class);
        int status = (Integer) execute.invoke(null, c, new String[] {"g_grad", "x=3", "y=2"},
                new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(0, status, err.toString());
        // g = x y^2 = 12, dg/dx = y^2 = 4, dg/dy = 2 x y = 12
        assertEquals("12.0\n4.0\n12.0\n", out.toString().replace("\r", ""));
    }

    @Test
    void aDefNamedLikeAGradientMethodIsALocatedError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clash.hyp");
        Files.writeString(file, "def f(x: real) = x^2\ndef f_grad(x: real) = 2 * x\n");
        Run r = hyp("compile", file.toString(), "-o", dir.resolve("clash.jar").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("clash.hyp:2:5") && r.err().contains("'f_grad'") && r.err().contains("def 'f'"), r.err());
        assertFalse(Files.exists(dir.resolve("clash.jar")));
    }

    private static boolean hasMethod(Class<?> c, String name) {
        for (Method m : c.getMethods()) if (m.getName().equals(name)) return true;
        return false;
    }
}
