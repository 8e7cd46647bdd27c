package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.bytecode.Verification;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.backend.java.InMemoryJavac;
import hyp.compiler.backend.java.JavaSourceBackend;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of complex-step code, and that both compiling back ends run it exactly as the interpreter does. */
class ComplexTransformTest {
    private static final String SOURCE = """
            def mod1(x: real) -> real {
                while x < 0 or x >= 1 {
                    if x < 0 { x = x + 1 } else { x = x - 1 }
                }
                return x
            }
            def counted(x: real[n], k: int) -> real {
                s = 0.0
                for i in 0..k { s = s + x[i] * x[i] }
                return s
            }
            def stacked(a: real, b: real) = sum([a * b, a, 2.5] * [b, b, a])
            def rows(a: real[n], b: real[n]) = sum([a, b] @ a)
            """;

    private static Function def(String name) {
        return ComplexStepDefs.def(SOURCE, name);
    }

    @Test
    void realValuesBecomeComplexAndIntsStay() {
        Function f = def("counted"), c = ComplexTransform.of(f);
        assertEquals("counted_complex", c.name());
        assertEquals(f.paramNames(), c.paramNames());
        assertEquals(new Type.Complex(f.params().get(0).type()), c.params().get(0).type());
        assertSame(f.params().get(1), c.params().get(1));
        assertEquals(new Type.Complex(Type.REAL), c.resultType());
        assertEquals("complex[n]", c.params().get(0).type().toString());
        List<Var> defined = new ArrayList<>();
        IrWalk.nodes(c.body(), n -> {
            defined.addAll(n.defs());
            for (var region : IrWalk.regions(n)) defined.addAll(region.params());
            if (n instanceof Node.Op op && !(op.prim() instanceof ComplexPrimitive)) {
                // only int and bool work, and the conversion of literals, stay outside the complex primitives
                assertTrue(op.prim() instanceof RealToComplex || !op.out().type().differentiable(), op.toString());
            }
        });
        for (Var v : defined) assertTrue(!v.type().differentiable() || v.type().isReal() && isLiteral(c, v), v + " stayed real");
    }

    /** Real values remain only as the literals fed to complex.of. */
    private static boolean isLiteral(Function c, Var v) {
        boolean[] fed = {false};
        IrWalk.nodes(c.body(), n -> {
            if (n instanceof Node.Op op && op.prim() instanceof RealToComplex && op.arg(0).equals(v)) fed[0] = true;
        });
        return fed[0];
    }

    private static List<Function> complexDefs() {
        List<Function> complex = new ArrayList<>();
        for (String name : List.of("mod1", "counted", "stacked", "rows")) complex.add(ComplexTransform.of(def(name)));
        return complex;
    }

    @Test
    void bytecodeRunsComplexCodeLikeTheInterpreter() {
        List<Function> complex = complexDefs();
        String name = "hyp.generated.ComplexStepTest";
        byte[] bytes = BytecodeBackend.compile(name, complex);
        Verification.verify(bytes, getClass().getClassLoader());
        runsLikeTheInterpreter(complex, new GeneratedClassLoader(getClass().getClassLoader()).define(name, bytes));
    }

    @Test
    void javaSourceRunsComplexCodeLikeTheInterpreter() {
        List<Function> complex = complexDefs();
        String name = "hyp.generated.ComplexStepSource";
        runsLikeTheInterpreter(complex, InMemoryJavac.compile(name, JavaSourceBackend.generate(name, complex).source()));
    }

    private static void runsLikeTheInterpreter(List<Function> complex, Class<?> cls) {
        Complex x = new Complex(-2.7, 1e-20);
        assertEquals(Interpreter.run(complex.get(0), List.of(x)), Invoker.call(cls, "mod1_complex", x));
        assertEquals(new Complex(-2.7 + 3, 1e-20), Invoker.call(cls, "mod1_complex", x));

        ComplexTensor v = ComplexTensor.of(Tensor.vector(1, 2, 3), Tensor.vector(0, 1e-20, 0));
        Object[] counted = {v, 2};
        assertEquals(Interpreter.run(complex.get(1), Arrays.asList(counted)), Invoker.call(cls, "counted_complex", counted));
        assertEquals(new Complex(5, 4e-20), Invoker.call(cls, "counted_complex", counted));

        Complex a = new Complex(1.5, 1e-20), b = new Complex(-2, 0);
        Object stacked = Invoker.call(cls, "stacked_complex", a, b);
        assertEquals(Interpreter.run(complex.get(2), List.of(a, b)), stacked);
        // a·b·b + a·b + 2.5·a, and its a-derivative b² + b + 2.5 times 1e-20
        assertEquals(1.5 * 4 - 3 + 3.75, ((Complex) stacked).re(), 1e-15);
        assertEquals(4 - 2 + 2.5, ((Complex) stacked).im() / 1e-20, 1e-15);

        // [a, b] @ a with a = b = w: 2 w·w, a stack of complex tensors
        ComplexTensor w = ComplexTensor.of(Tensor.vector(1, -1), Tensor.vector(1e-20, 0));
        Object rows = Invoker.call(cls, "rows_complex", w, w);
        assertEquals(Interpreter.run(complex.get(3), List.of(w, w)), rows);
        assertEquals(new Complex(4, 4e-20), rows);
    }
}
