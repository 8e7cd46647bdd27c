package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.BOOL;
import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Type;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Every scalar emission kind: infix, prefix, comparisons (with Java's NaN rules), int to real, calls, literals. */
class ScalarOpsTest {
    private static final double[] REALS = {-2.5, -0.0, 0.0, 1.0, 3.75, 1e300, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN};
    private static final int[] INTS = {-7, -1, 0, 1, 2, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE};

    @Test
    void realArithmetic() {
        Ir ir = new Ir();
        var b = ir.b;
        // f(a, b) = (a + b) * (a - b) / b + (-a)
        Class<?> c = Ir.load(ir.def("f", List.of("a", "b"), List.of(REAL, REAL), p -> {
            var sum = b.op(Prims.ADD, p.get(0), p.get(1));
            var diff = b.op(Prims.SUB, p.get(0), p.get(1));
            var q = b.op(Prims.DIV, b.op(Prims.MUL, sum, diff), p.get(1));
            return List.of(b.op(Prims.ADD, q, b.op(Prims.NEG, p.get(0))));
        }));
        for (double x : REALS) {
            for (double y : REALS) {
                double expected = (x + y) * (x - y) / y + (-x);
                assertEquals(expected, (Double) Invoker.call(c, "f", x, y), 0.0, x + ", " + y);
            }
        }
    }

    @Test
    void intArithmeticWrapsLikeJava() {
        Ir ir = new Ir();
        var b = ir.b;
        // g(m, n) = (m + n) * (m - n) - (-m)
        Class<?> c = Ir.load(ir.def("g", List.of("m", "n"), List.of(INT, INT), p -> {
            var q = b.op(Prims.MUL, b.op(Prims.ADD, p.get(0), p.get(1)), b.op(Prims.SUB, p.get(0), p.get(1)));
            return List.of(b.op(Prims.SUB, q, b.op(Prims.NEG, p.get(0))));
        }));
        for (int m : INTS) {
            for (int n : INTS) assertEquals((m + n) * (m - n) - (-m), Invoker.call(c, "g", m, n), m + ", " + n);
        }
    }

    @Test
    void boolLogic() {
        Ir ir = new Ir();
        var b = ir.b;
        // h(p, q) = (p and not q) or (p == q), and k(p, q) = p != q
        Class<?> c = Ir.load(
                ir.def("h", List.of("p", "q"), List.of(BOOL, BOOL), v -> List.of(b.op(Prims.OR,
                        b.op(Prims.AND, v.get(0), b.op(Prims.NOT, v.get(1))), b.op(Prims.EQ, v.get(0), v.get(1))))),
                ir.def("k", List.of("p", "q"), List.of(BOOL, BOOL), v -> List.of(b.op(Prims.NE, v.get(0), v.get(1)))));
        for (boolean p : new boolean[] {false, true}) {
            for (boolean q : new boolean[] {false, true}) {
                assertEquals((p && !q) || p == q, Invoker.call(c, "h", p, q));
                assertEquals(p != q, Invoker.call(c, "k", p, q));
            }
        }
    }

    @Test
    void comparisonsFollowJavaIncludingNaN() {
        Map<Primitive, BiPredicate<Double, Double>> reals = Map.of(
                Prims.LT, (x, y) -> x < y, Prims.LE, (x, y) -> x <= y, Prims.GT, (x, y) -> x > y,
                Prims.GE, (x, y) -> x >= y, Prims.EQ, (x, y) -> (double) x == (double) y, Prims.NE, (x, y) -> (double) x != (double) y);
        Map<Primitive, BiPredicate<Integer, Integer>> ints = Map.of(
                Prims.LT, (x, y) -> x < y, Prims.LE, (x, y) -> x <= y, Prims.GT, (x, y) -> x > y,
                Prims.GE, (x, y) -> x >= y, Prims.EQ, (x, y) -> (int) x == (int) y, Prims.NE, (x, y) -> (int) x != (int) y);
        for (var cmp : reals.entrySet()) {
            Class<?> c = compare(cmp.getKey(), REAL);
            for (double x : REALS) {
                for (double y : REALS) {
                    assertEquals(cmp.getValue().test(x, y), Invoker.call(c, "cmp", x, y), x + " " + cmp.getKey().name() + " " + y);
                }
            }
        }
        for (var cmp : ints.entrySet()) {
            Class<?> c = compare(cmp.getKey(), INT);
            for (int x : INTS) {
                for (int y : INTS) {
                    assertEquals(cmp.getValue().test(x, y), Invoker.call(c, "cmp", x, y), x + " " + cmp.getKey().name() + " " + y);
                }
            }
        }
    }

    private static Class<?> compare(Primitive p, Type t) {
        Ir ir = new Ir();
        return Ir.load(ir.def("cmp", List.of("x", "y"), List.of(t, t), v -> List.of(ir.b.op(p, v.get(0), v.get(1)))));
    }

    @Test
    void intToRealAndRuntimeCalls() {
        Ir ir = new Ir();
        var b = ir.b;
        // f(n, x) = exp(x) * real(n) + sigmoid(x) + x ^ real(n) + softplus(x)
        Class<?> c = Ir.load(ir.def("f", List.of("n", "x"), List.of(INT, REAL), p -> {
            var n = b.op(Prims.TO_REAL, p.get(0));
            var x = p.get(1);
            var s = b.op(Prims.ADD, b.op(Prims.MUL, b.op(Prims.EXP, x), n), b.op(Prims.SIGMOID, x));
            return List.of(b.op(Prims.ADD, b.op(Prims.ADD, s, b.op(Prims.POW, x, n)), b.op(Prims.SOFTPLUS, x)));
        }));
        for (int n : new int[] {0, 1, 3}) {
            for (double x : new double[] {-1.5, 0.0, 0.7, 2.0}) {
                double sigmoid = 1 / (1 + Math.exp(-x));
                double softplus = Math.log(1 + Math.exp(x));
                double expected = Math.exp(x) * n + sigmoid + Math.pow(x, n) + softplus;
                assertEquals(expected, (Double) Invoker.call(c, "f", n, x), 1e-12 * Math.max(1, Math.abs(expected)));
            }
        }
    }

    @Test
    void literalsKeepTheirExactValues() {
        Ir ir = new Ir();
        var b = ir.b;
        double[] reals = {0.0, -0.0, 1.0, 0.1, -3.5e-300, Double.NaN, Double.NEGATIVE_INFINITY};
        int[] ints = {-1, 0, 5, 6, -128, 127, 128, -32768, 32767, 32768, Integer.MIN_VALUE};
        List<hyp.compiler.ir.Function> fs = new java.util.ArrayList<>();
        for (int i = 0; i < reals.length; i++) {
            double v = reals[i];
            fs.add(ir.def("r" + i, List.of(), List.of(), p -> List.of(b.real(v))));
        }
        for (int i = 0; i < ints.length; i++) {
            int v = ints[i];
            fs.add(ir.def("i" + i, List.of(), List.of(), p -> List.of(b.integer(v))));
        }
        fs.add(ir.def("yes", List.of(), List.of(), p -> List.of(b.bool(true))));
        fs.add(ir.def("no", List.of(), List.of(), p -> List.of(b.bool(false))));
        Class<?> c = Ir.load(fs.toArray(hyp.compiler.ir.Function[]::new));
        for (int i = 0; i < reals.length; i++) {
            assertEquals(Double.doubleToRawLongBits(reals[i]), Double.doubleToRawLongBits((Double) Invoker.call(c, "r" + i)));
        }
        for (int i = 0; i < ints.length; i++) assertEquals(ints[i], Invoker.call(c, "i" + i));
        assertEquals(true, Invoker.call(c, "yes"));
        assertEquals(false, Invoker.call(c, "no"));
    }

    @Test
    void undefinedConstantsAreZeroFalseAndNull() {
        Ir ir = new Ir();
        var b = ir.b;
        Class<?> c = Ir.load(ir.def("u", List.of(), List.of(), p ->
                List.of(b.undef(REAL), b.undef(INT), b.undef(BOOL), b.undef(Ir.VECTOR))));
        Object[] r = (Object[]) Invoker.call(c, "u");
        assertEquals(java.util.Arrays.asList(0.0, 0, false, null), java.util.Arrays.asList(r));
    }
}
