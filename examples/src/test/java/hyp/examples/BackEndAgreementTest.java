package hyp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.bytecode.Verification;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.java.InMemoryJavac;
import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.Derivatives;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every def of every bundled example, and its adjoint and tangent code, run by three independent executions of
 * the same IR: the bytecode back end, the Java-source back end (compiled by javac) and the reference interpreter.
 * They must agree exactly on random inputs.
 */
class BackEndAgreementTest {
    static Stream<Path> examples() throws IOException {
        return Files.list(Examples.folder()).filter(p -> p.toString().endsWith(".hyp")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void backEndsAgree(Path file) throws Exception {
        CheckedProgram program = Pipeline.check(Pipeline.read(file));
        List<Function> functions = new ArrayList<>();
        for (Function f : Pipeline.lower(program)) {
            functions.add(f);
            functions.add(Derivatives.adjoint(f));
            functions.add(Derivatives.tangent(f));
        }
        assertFalse(functions.isEmpty(), "no defs in " + file);
        String name = "hyp.generated.Agree" + Math.abs(file.getFileName().toString().hashCode());
        byte[] bytes = BytecodeBackend.compile(name, functions);
        Verification.verify(bytes, getClass().getClassLoader());
        Class<?> bytecode = new GeneratedClassLoader(getClass().getClassLoader()).define(name, bytes);
        JavaSourceBackend source = JavaSourceBackend.generate(name, functions);
        Class<?> javac = InMemoryJavac.compile(name, source.source());
        Random rnd = new Random(file.getFileName().toString().hashCode());
        for (Function f : functions) {
            for (int trial = 0; trial < 20; trial++) {
                List<Object> args = randomArgs(f, rnd);
                Object expected = Interpreter.run(f, args);
                assertSame(expected, Invoker.call(bytecode, f.name(), args.toArray()), f.name() + " (bytecode) at " + args);
                assertSame(expected, Invoker.call(javac, f.name(), args.toArray()), f.name() + " (Java source) at " + args);
            }
        }
    }

    /** Random values for a function's parameters; each symbolic dimension gets one random size. */
    static List<Object> randomArgs(Function f, Random rnd) {
        Map<String, Integer> sizes = new HashMap<>();
        List<Object> out = new ArrayList<>();
        for (Var p : f.params()) {
            Type t = p.type();
            if (t.isReal()) {
                out.add(rnd.nextGaussian() * 3);
            } else if (t.isInt()) {
                out.add(rnd.nextInt(5));
            } else if (t.isBool()) {
                out.add(rnd.nextBoolean());
            } else {
                List<Dim> dims = ((Type.Tensor) t).dims();
                int[] shape = new int[dims.size()];
                for (int k = 0; k < shape.length; k++) {
                    Dim d = dims.get(k);
                    shape[k] = d.symbolic() ? sizes.computeIfAbsent(d.name(), n -> 1 + rnd.nextInt(5)) : d.size();
                }
                Tensor x = Tensor.zeros(shape);
                for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextGaussian();
                out.add(x);
            }
        }
        return out;
    }

    private static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof Object[] e) {
            Object[] a = (Object[]) actual;
            assertEquals(e.length, a.length, what);
            for (int i = 0; i < e.length; i++) assertSame(e[i], a[i], what + " result " + i);
        } else if (expected instanceof Double d) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual), what + ": " + d + " vs " + actual);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
