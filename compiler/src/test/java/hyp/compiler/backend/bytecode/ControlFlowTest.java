package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.BOOL;
import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.List;
import org.junit.jupiter.api.Test;

/** If, While and For regions, carried values, nesting, and functions with several results. */
class ControlFlowTest {
    @Test
    void ifElseYieldsTheBranchTaken() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // f(x) = if x < 0 { -x } else { 2 x }
        Class<?> c = Ir.load(ir.def("f", List.of("x"), List.of(REAL), p -> {
            Var x = p.get(0);
            Var neg = b.op(Prims.LT, x, b.real(0));
            Block then = b.block(List.of(), () -> List.of(b.op(Prims.NEG, x)));
            Block orElse = b.block(List.of(), () -> List.of(b.op(Prims.MUL, b.real(2), x)));
            Var out = b.fresh(REAL, "y");
            b.add(new Node.If(neg, then, orElse, List.of(out), null));
            return List.of(out);
        }));
        for (double x : new double[] {-3.5, -0.0, 0.0, 2.25, Double.NaN}) {
            assertEquals(x < 0 ? -x : 2 * x, (Double) Invoker.call(c, "f", x), 0.0);
        }
    }

    /** The seed's mod1: while x < 0 or x >= 1 { if x < 0 { x = x + 1 } else { x = x - 1 } }. */
    static Function mod1(Ir ir) {
        IrBuilder b = ir.b;
        return ir.def("mod1", List.of("x"), List.of(REAL), p -> {
            Var cx = b.fresh(REAL, "x");
            Block cond = b.block(List.of(cx), () -> List.of(
                    b.op(Prims.OR, b.op(Prims.LT, cx, b.real(0)), b.op(Prims.GE, cx, b.real(1)))));
            Var bx = b.fresh(REAL, "x");
            Block body = b.block(List.of(bx), () -> {
                Var below = b.op(Prims.LT, bx, b.real(0));
                Block up = b.block(List.of(), () -> List.of(b.op(Prims.ADD, bx, b.real(1))));
                Block down = b.block(List.of(), () -> List.of(b.op(Prims.SUB, bx, b.real(1))));
                Var next = b.fresh(REAL, "x");
                b.add(new Node.If(below, up, down, List.of(next), null));
                return List.of(next);
            });
            Var out = b.fresh(REAL, "x");
            b.add(new Node.While(List.of(p.get(0)), cond, body, List.of(out), null));
            return List.of(out);
        });
    }

    @Test
    void mod1LoopsUntilTheValueIsInTheUnitInterval() {
        Class<?> c = Ir.load(mod1(new Ir()));
        assertEquals(0.3, (Double) Invoker.call(c, "mod1", -2.7), 1e-12);
        assertEquals(0.25, (Double) Invoker.call(c, "mod1", 5.25), 1e-12);
        for (double x : new double[] {-2.7, 5.25, 0.5, 0.0, -1e-17, 17.125, -40.0}) {
            double y = x; // the same steps in plain Java
            while (y < 0 || y >= 1) y = y < 0 ? y + 1 : y - 1;
            assertEquals(y, (Double) Invoker.call(c, "mod1", x), 0.0, "mod1(" + x + ")");
        }
        assertTrue(Double.isNaN((Double) Invoker.call(c, "mod1", Double.NaN)), "NaN fails both tests and stays");
    }

    @Test
    void forLoopSumsItsCounter() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // sum(from, to) = Σ_{i = from}^{to - 1} i, as an int and as a real
        Class<?> c = Ir.load(ir.def("sum", List.of("from", "to"), List.of(INT, INT), p -> {
            Var i = b.fresh(INT, "i"), acc = b.fresh(INT, "acc"), racc = b.fresh(REAL, "racc");
            Block body = b.block(List.of(i, acc, racc), () -> List.of(b.op(Prims.ADD, acc, i),
                    b.op(Prims.ADD, racc, b.op(Prims.TO_REAL, i))));
            Var total = b.fresh(INT, "total"), rtotal = b.fresh(REAL, "rtotal");
            b.add(new Node.For(p.get(0), p.get(1), List.of(b.integer(0), b.real(0)), body, List.of(total, rtotal), null));
            return List.of(total, rtotal);
        }));
        int[][] ranges = {{0, 0}, {0, 1}, {0, 10}, {3, 1000}, {5, 2}, {-4, 4}};
        for (int[] r : ranges) {
            int sum = 0;
            for (int i = r[0]; i < r[1]; i++) sum += i;
            Object[] got = (Object[]) Invoker.call(c, "sum", r[0], r[1]);
            assertEquals(sum, got[0], r[0] + ".." + r[1]);
            assertEquals((double) sum, got[1], r[0] + ".." + r[1]);
        }
    }

    @Test
    void carriedValuesAreAssignedInParallel() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // swap(n, x, y): n times (x, y) = (y, x); fib(k): k times (a, b) = (b, a + b) by a while on a counter
        Function swap = ir.def("swap", List.of("n", "x", "y"), List.of(INT, REAL, REAL), p -> {
            Var i = b.fresh(INT, "i"), x = b.fresh(REAL, "x"), y = b.fresh(REAL, "y");
            Block body = b.block(List.of(i, x, y), () -> List.of(y, x));
            Var ox = b.fresh(REAL, "x"), oy = b.fresh(REAL, "y");
            b.add(new Node.For(b.integer(0), p.get(0), List.of(p.get(1), p.get(2)), body, List.of(ox, oy), null));
            return List.of(b.op(Prims.SUB, ox, oy));
        });
        Function fib = ir.def("fib", List.of("k"), List.of(INT), p -> {
            Var ck = b.fresh(INT, "k"), ca = b.fresh(INT, "a"), cb = b.fresh(INT, "b");
            Block cond = b.block(List.of(ck, ca, cb), () -> List.of(b.op(Prims.GT, ck, b.integer(0))));
            Var k = b.fresh(INT, "k"), a = b.fresh(INT, "a"), bb = b.fresh(INT, "b");
            Block body = b.block(List.of(k, a, bb), () -> List.of(b.op(Prims.SUB, k, b.integer(1)), bb, b.op(Prims.ADD, a, bb)));
            Var ok = b.fresh(INT, "k"), oa = b.fresh(INT, "a"), ob = b.fresh(INT, "b");
            b.add(new Node.While(List.of(p.get(0), b.integer(0), b.integer(1)), cond, body, List.of(ok, oa, ob), null));
            return List.of(oa);
        });
        Class<?> c = Ir.load(swap, fib);
        assertEquals(1.0 - 2.0, Invoker.call(c, "swap", 0, 1.0, 2.0));
        assertEquals(2.0 - 1.0, Invoker.call(c, "swap", 3, 1.0, 2.0));
        assertEquals(1.0 - 2.0, Invoker.call(c, "swap", 4, 1.0, 2.0));
        for (int k = 0; k < 30; k++) {
            int x = 0, y = 1;
            for (int s = 0; s < k; s++) {
                int t = x + y;
                x = y;
                y = t;
            }
            assertEquals(x, Invoker.call(c, "fib", k), "fib(" + k + ")");
        }
    }

    @Test
    void nestedLoopsReadOuterValues() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // t(n, w) = Σ_{i<n} Σ_{j<i} w·i·j, then halved while it exceeds 1 (a while after the fors), with the count
        Class<?> c = Ir.load(ir.def("t", List.of("n", "w"), List.of(INT, REAL), p -> {
            Var n = p.get(0), w = p.get(1);
            Var i = b.fresh(INT, "i"), acc = b.fresh(REAL, "acc");
            Block outer = b.block(List.of(i, acc), () -> {
                Var j = b.fresh(INT, "j"), acc2 = b.fresh(REAL, "acc");
                Block inner = b.block(List.of(j, acc2), () -> List.of(b.op(Prims.ADD, acc2,
                        b.op(Prims.MUL, w, b.op(Prims.TO_REAL, b.op(Prims.MUL, i, j))))));
                Var res = b.fresh(REAL, "acc");
                b.add(new Node.For(b.integer(0), i, List.of(acc), inner, List.of(res), null));
                return List.of(res);
            });
            Var total = b.fresh(REAL, "total");
            b.add(new Node.For(b.integer(0), n, List.of(b.real(0)), outer, List.of(total), null));
            Var cv = b.fresh(REAL, "v"), ccount = b.fresh(INT, "count");
            Block cond = b.block(List.of(cv, ccount), () -> List.of(b.op(Prims.GT, cv, b.real(1))));
            Var v = b.fresh(REAL, "v"), count = b.fresh(INT, "count");
            Block halve = b.block(List.of(v, count), () -> List.of(b.op(Prims.DIV, v, b.real(2)), b.op(Prims.ADD, count, b.integer(1))));
            Var fv = b.fresh(REAL, "v"), fcount = b.fresh(INT, "count");
            b.add(new Node.While(List.of(total, b.integer(0)), cond, halve, List.of(fv, fcount), null));
            return List.of(total, fv, fcount, b.op(Prims.GT, fcount, b.integer(3)));
        }));
        for (int n : new int[] {0, 1, 4, 25}) {
            double w = 0.75, total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) total += w * (i * j);
            }
            double v = total;
            int count = 0;
            while (v > 1) {
                v /= 2;
                count++;
            }
            assertEquals(List.of(total, v, count, count > 3), List.of((Object[]) Invoker.call(c, "t", n, w)), "n = " + n);
        }
    }

    @Test
    void undefinedValueFlowsThroughTheBranchNotTaken() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // r = undef; if flag { r = x * 3 }; return r  (the lowering's "result before any return ran")
        Class<?> c = Ir.load(ir.def("pick", List.of("flag", "x"), List.of(BOOL, REAL), p -> {
            Var r = b.undef(REAL);
            Block then = b.block(List.of(), () -> List.of(b.op(Prims.MUL, p.get(1), b.real(3))));
            Block orElse = b.block(List.of(), () -> List.of(r));
            Var out = b.fresh(REAL, "r");
            b.add(new Node.If(p.get(0), then, orElse, List.of(out), null));
            return List.of(out);
        }));
        assertEquals(6.0, Invoker.call(c, "pick", true, 2.0));
        assertEquals(0.0, Invoker.call(c, "pick", false, 2.0));
    }
}
