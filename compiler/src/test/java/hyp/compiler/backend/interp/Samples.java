package hyp.compiler.backend.interp;

import hyp.compiler.ad.ComplexPrimitive;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import java.util.List;
import java.util.Random;

/**
 * IR functions built by hand with {@link IrBuilder}, shared by the evaluator's and the back ends' tests, each
 * with a generator of random arguments.
 */
public final class Samples {
    private Samples() {}

    /** A function and how to draw arguments for it. */
    public record Sample(Function function, java.util.function.Function<Random, List<Object>> args) {}

    public static final SourceFile MOD1_SOURCE = new SourceFile("mod1.hyp", String.join("\n",
            "def mod1(x: real) -> real {",
            "    while x < 0 or x >= 1 {",
            "        if x < 0 { x = x + 1 } else { x = x - 1 }",
            "    }",
            "    return x",
            "}"));
    public static final Span WHILE_SPAN = Span.of(MOD1_SOURCE, 2, 5, 5);
    public static final Span IF_SPAN = Span.of(MOD1_SOURCE, 3, 9, 2);

    private static final Type MATRIX = Type.tensor(Dim.named("n"), Dim.named("m"));
    private static final Type VECTOR = Type.tensor(Dim.named("m"));

    /** The seed's mod1: while x < 0 or x >= 1 { if x < 0 { x = x + 1 } else { x = x - 1 } }. */
    public static Function mod1() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var x = b.fresh(Type.REAL, "x");
        Block body = b.block(List.of(x), () -> {
            Var cx = b.fresh(Type.REAL, "x");
            Block cond = b.block(List.of(cx), () -> List.of(
                    b.op(Prims.OR, b.op(Prims.LT, cx, b.real(0.0)), b.op(Prims.GE, cx, b.real(1.0)))));
            Var bx = b.fresh(Type.REAL, "x");
            Block loop = b.block(List.of(bx), () -> {
                Var negative = b.op(Prims.LT, bx, b.real(0.0));
                Block then = b.block(List.of(), () -> List.of(b.op(Prims.ADD, bx, b.real(1.0))));
                Block orElse = b.block(List.of(), () -> List.of(b.op(Prims.SUB, bx, b.real(1.0))));
                Var out = b.fresh(Type.REAL, "x");
                b.add(new Node.If(negative, then, orElse, List.of(out), IF_SPAN));
                return List.of(out);
            });
            Var out = b.fresh(Type.REAL, "x");
            b.add(new Node.While(List.of(x), cond, loop, List.of(out), WHILE_SPAN));
            return List.of(out);
        });
        return new Function("mod1", List.of("x"), body);
    }

    /** acc + Σ_{i=from}^{to-1} real(i * i). */
    public static Function sumSquares() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var from = b.fresh(Type.INT, "from"), to = b.fresh(Type.INT, "to"), acc = b.fresh(Type.REAL, "acc");
        Block body = b.block(List.of(from, to, acc), () -> {
            Var i = b.fresh(Type.INT, "i"), a = b.fresh(Type.REAL, "acc");
            Block loop = b.block(List.of(i, a), () -> List.of(b.op(Prims.ADD, a, b.op(Prims.TO_REAL, b.op(Prims.MUL, i, i)))));
            Var out = b.fresh(Type.REAL, "acc");
            b.add(new Node.For(from, to, List.of(acc), loop, List.of(out), null));
            return List.of(out);
        });
        return new Function("sumSquares", List.of("from", "to", "acc"), body);
    }

    /** for i in 0..n { for j in 0..m { acc = acc * 0.5 + real(i) * real(j) } ; k = k + 1 }; returns (acc, k). */
    public static Function nested() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var n = b.fresh(Type.INT, "n"), m = b.fresh(Type.INT, "m");
        Block body = b.block(List.of(n, m), () -> {
            Var zero = b.integer(0), acc0 = b.real(0.0);
            Var i = b.fresh(Type.INT, "i"), acc = b.fresh(Type.REAL, "acc"), k = b.fresh(Type.INT, "k");
            Block outer = b.block(List.of(i, acc, k), () -> {
                Var j = b.fresh(Type.INT, "j"), inner = b.fresh(Type.REAL, "acc");
                Block innerBody = b.block(List.of(j, inner), () -> List.of(b.op(Prims.ADD,
                        b.op(Prims.MUL, inner, b.real(0.5)),
                        b.op(Prims.MUL, b.op(Prims.TO_REAL, i), b.op(Prims.TO_REAL, j)))));
                Var accOut = b.fresh(Type.REAL, "acc");
                b.add(new Node.For(zero, m, List.of(acc), innerBody, List.of(accOut), null));
                return List.of(accOut, b.op(Prims.ADD, k, b.integer(1)));
            });
            Var accOut = b.fresh(Type.REAL, "acc"), kOut = b.fresh(Type.INT, "k");
            b.add(new Node.For(zero, n, List.of(acc0, zero), outer, List.of(accOut, kOut), null));
            return List.of(accOut, kOut);
        });
        return new Function("nested", List.of("n", "m"), body);
    }

    /** Every scalar operator: int arithmetic (no int division in .hyp), comparisons of reals and ints, and/or/not, int to real. */
    public static Function scalarOps() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var p = b.fresh(Type.INT, "p"), q = b.fresh(Type.INT, "q"), x = b.fresh(Type.REAL, "x"), y = b.fresh(Type.REAL, "y");
        Block body = b.block(List.of(p, q, x, y), () -> {
            Var lt = b.op(Prims.LT, x, y), plt = b.op(Prims.LT, p, q);
            return List.of(b.op(Prims.ADD, p, q), b.op(Prims.SUB, p, q), b.op(Prims.MUL, p, q),
                    b.op(Prims.NEG, p), b.op(Prims.NEG, x), b.op(Prims.DIV, x, y),
                    lt, b.op(Prims.LE, x, y), b.op(Prims.GT, x, y), b.op(Prims.GE, x, y),
                    b.op(Prims.EQ, x, y), b.op(Prims.NE, x, y),
                    plt, b.op(Prims.LE, p, q), b.op(Prims.EQ, p, q), b.op(Prims.NE, p, q),
                    b.op(Prims.AND, lt, plt), b.op(Prims.OR, lt, plt), b.op(Prims.NOT, lt), b.op(Prims.EQ, lt, plt),
                    b.op(Prims.ADD, b.op(Prims.TO_REAL, p), x));
        });
        return new Function("scalarOps", List.of("p", "q", "x", "y"), body);
    }

    /** Runtime calls on tensors: products, reductions, element-wise maps, indexing, stacking, sizes. */
    public static Function tensorOps() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var a = b.fresh(MATRIX, "A"), v = b.fresh(VECTOR, "v"), s = b.fresh(Type.REAL, "s");
        Block body = b.block(List.of(a, v, s), () -> {
            Var av = b.op(Prims.MATMUL, a, v);
            Var shifted = b.op(Prims.ADD, av, s);
            Var total = b.op(Prims.SUM, shifted);
            Var one = b.integer(1), zero = b.integer(0), three = b.integer(3);
            Var a10 = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET2, null), a, one, zero);
            Var row = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.ROW, null), a, one);
            Var col = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.COL, null), a, zero);
            Var v1 = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET1, null), v, one);
            Var slice = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.SLICE, Dim.of(2)), v, one, three);
            Var scalars = b.op(Prims.STACK, s, total, a10);
            Var rows = b.op(Prims.STACK, row, v);
            Var gram = b.op(Prims.MATMUL, a, b.op(Prims.TRANSPOSE, a));
            Var cols = b.op(Prims.SIZE, 1, a);
            Var e = b.op(Prims.EXP, a);
            Var dot = b.op(Prims.MATMUL, v, v);
            return List.of(av, shifted, total, a10, row, col, v1, slice, scalars, rows, gram, cols, e, dot);
        });
        return new Function("tensorOps", List.of("A", "v", "s"), body);
    }

    /** Constants with no value yet: 0.0, 0, false and a null tensor. */
    public static Function undefs() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Block body = b.block(List.of(), () -> List.of(b.undef(Type.REAL), b.undef(Type.INT), b.undef(Type.BOOL),
                b.undef(VECTOR)));
        return new Function("undefs", List.of(), body);
    }

    /** while i < n { i = i + 1; acc = acc + 0.5 }; returns (i, acc), starting from (0, 0.0). */
    public static Function countTo() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var n = b.fresh(Type.INT, "n");
        Block body = b.block(List.of(n), () -> {
            Var ci = b.fresh(Type.INT, "i"), cacc = b.fresh(Type.REAL, "acc");
            Block cond = b.block(List.of(ci, cacc), () -> List.of(b.op(Prims.LT, ci, n)));
            Var bi = b.fresh(Type.INT, "i"), bacc = b.fresh(Type.REAL, "acc");
            Block loop = b.block(List.of(bi, bacc), () -> List.of(b.op(Prims.ADD, bi, b.integer(1)),
                    b.op(Prims.ADD, bacc, b.real(0.5))));
            Var i = b.fresh(Type.INT, "i"), acc = b.fresh(Type.REAL, "acc");
            b.add(new Node.While(List.of(b.integer(0), b.real(0.0)), cond, loop, List.of(i, acc), null));
            return List.of(i, acc);
        });
        return new Function("countTo", List.of("n"), body);
    }

    /** exp(x) + max(x, y) + pow(x, y) * sigmoid(y) - min(x, y): java.lang.Math and runtime scalar calls. */
    public static Function mathCalls() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var x = b.fresh(Type.REAL, "x"), y = b.fresh(Type.REAL, "y");
        Block body = b.block(List.of(x, y), () -> List.of(b.op(Prims.SUB, b.op(Prims.ADD,
                b.op(Prims.ADD, b.op(Prims.EXP, x), b.op(Prims.MAX, x, y)),
                b.op(Prims.MUL, b.op(Prims.POW, x, y), b.op(Prims.SIGMOID, y))), b.op(Prims.MIN, x, y))));
        return new Function("mathCalls", List.of("x", "y"), body);
    }

    /** A def named {@code new} whose parameters are named like Java keywords and classes: int * exp(true) + hyp. */
    public static Function keywords() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var p1 = b.fresh(Type.REAL, "int"), p2 = b.fresh(Type.REAL, "true"), p3 = b.fresh(Type.REAL, "hyp"),
                p4 = b.fresh(Type.REAL, "Math");
        Block body = b.block(List.of(p1, p2, p3, p4), () -> List.of(b.op(Prims.ADD,
                b.op(Prims.ADD, b.op(Prims.MUL, p1, b.op(Prims.EXP, p2)), p3), b.op(Prims.SIGMOID, p4))));
        return new Function("new", List.of("int", "true", "hyp", "Math"), body);
    }

    /** Literals Java needs care with: NaN, infinities, -0.0, the smallest double, Integer.MIN_VALUE; x is added. */
    public static Function specialConstants() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var x = b.fresh(Type.REAL, "x");
        Block body = b.block(List.of(x), () -> List.of(b.op(Prims.ADD, x, b.real(Double.NaN)),
                b.op(Prims.ADD, x, b.real(Double.POSITIVE_INFINITY)), b.op(Prims.ADD, x, b.real(Double.NEGATIVE_INFINITY)),
                b.op(Prims.DIV, b.real(1.0), b.real(-0.0)), b.op(Prims.MUL, x, b.real(Double.MIN_VALUE)),
                b.op(Prims.SUB, b.integer(Integer.MIN_VALUE), b.integer(1)), b.op(Prims.MUL, x, b.real(-1.5e-300)),
                b.bool(true)));
        return new Function("specialConstants", List.of("x"), body);
    }

    /**
     * Complex-step code as {@code hyp.compiler.ad.ComplexTransform} makes it: ops of {@link ComplexPrimitive} on
     * complex values. With w = z·z·n + exp(z) and s = [z, w], returns (sum(s), z < w, s).
     */
    public static Function complexStep() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var z = b.fresh(new Type.Complex(Type.REAL), "z"), n = b.fresh(Type.INT, "n");
        Block body = b.block(List.of(z, n), () -> {
            Var cn = b.op(new ComplexPrimitive(Prims.TO_REAL), n);
            Var w = b.op(new ComplexPrimitive(Prims.ADD), b.op(new ComplexPrimitive(Prims.MUL),
                    b.op(new ComplexPrimitive(Prims.MUL), z, z), cn), b.op(new ComplexPrimitive(Prims.EXP), z));
            Var stacked = b.op(new ComplexPrimitive(Prims.STACK), z, w);
            return List.of(b.op(new ComplexPrimitive(Prims.SUM), stacked), b.op(new ComplexPrimitive(Prims.LT), z, w), stacked);
        });
        return new Function("complexStep", List.of("z", "n"), body);
    }

    /**
     * The tape adjoint code keeps: for i in 0..n push real(i)·x; then for k in 0..n acc += pop() · real(k), so the
     * k-th pop returns the value pushed at i = n-1-k.
     */
    public static Function tapeRoundTrip() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var x = b.fresh(Type.REAL, "x"), n = b.fresh(Type.INT, "n");
        Block body = b.block(List.of(x, n), () -> {
            Var zero = b.integer(0);
            Var i = b.fresh(Type.INT, "i"), t = b.fresh(Type.TAPE, "t");
            Block push = b.block(List.of(i, t), () -> List.of(b.op(Prims.TAPE_PUSH, t, b.op(Prims.MUL, b.op(Prims.TO_REAL, i), x))));
            Var pushed = b.fresh(Type.TAPE, "t");
            b.add(new Node.For(zero, n, List.of(b.op(Prims.TAPE_CREATE)), push, List.of(pushed), null));
            Var k = b.fresh(Type.INT, "k"), t2 = b.fresh(Type.TAPE, "t"), acc = b.fresh(Type.REAL, "acc");
            Block pop = b.block(List.of(k, t2, acc), () -> List.of(t2,
                    b.op(Prims.ADD, acc, b.op(Prims.MUL, b.op(Prims.TAPE_POP, Type.REAL, t2), b.op(Prims.TO_REAL, k)))));
            Var emptied = b.fresh(Type.TAPE, "t"), sum = b.fresh(Type.REAL, "acc");
            b.add(new Node.For(zero, n, List.of(pushed, b.real(0.0)), pop, List.of(emptied, sum), null));
            return List.of(sum);
        });
        return new Function("tapeRoundTrip", List.of("x", "n"), body);
    }

    /** Every sample with an argument generator (reals spread over several magnitudes, NaN now and then). */
    public static List<Sample> all() {
        return List.of(
                new Sample(mod1(), r -> List.of(real(r))),
                new Sample(sumSquares(), r -> List.of(r.nextInt(21) - 10, r.nextInt(21) - 5, real(r))),
                new Sample(nested(), r -> List.of(r.nextInt(6), r.nextInt(6))),
                new Sample(scalarOps(), r -> List.of(r.nextInt(201) - 100, r.nextInt(200) + 1, real(r), real(r))),
                new Sample(tensorOps(), r -> {
                    int n = 2 + r.nextInt(3), m = 3 + r.nextInt(3);
                    return List.of(tensor(r, n, m), tensor(r, m), real(r));
                }),
                new Sample(undefs(), r -> List.of()),
                new Sample(countTo(), r -> List.of(r.nextInt(1000) - 10)),
                new Sample(mathCalls(), r -> List.of(real(r), real(r))),
                new Sample(keywords(), r -> List.of(real(r), real(r), real(r), real(r))),
                new Sample(specialConstants(), r -> List.of(real(r))),
                new Sample(tapeRoundTrip(), r -> List.of(real(r), r.nextInt(30))),
                new Sample(complexStep(), r -> List.of(new Complex(real(r), real(r) * 1e-10), r.nextInt(5))));
    }

    /** A real of varying magnitude and sign; 1 in 20 is NaN, to exercise NaN comparisons. */
    public static double real(Random r) {
        if (r.nextInt(20) == 0) return Double.NaN;
        return (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(5) - 2);
    }

    public static Tensor tensor(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = r.nextGaussian();
        return t;
    }
}
