package hyp.compiler.backend.bytecode;

import static hyp.compiler.backend.bytecode.Ir.INT;
import static hyp.compiler.backend.bytecode.Ir.MATRIX;
import static hyp.compiler.backend.bytecode.Ir.REAL;
import static hyp.compiler.backend.bytecode.Ir.VECTOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runtime calls on tensors: products, reductions, indexing (int constants), stacking (array packing). */
class TensorOpsTest {
    private static final double[][] A = {{1, -2, 0.5}, {3, 4, -1}};      // 2×3
    private static final double[][] B = {{2, 1}, {0, -1}, {5, 0.25}};     // 3×2
    private static final double[] X = {0.5, -1.5, 2};                    // 3
    private static final double[] Y = {-1, 3};                            // 2

    @Test
    void theFourProducts() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        Type k = Type.tensor(Dim.named("k"));
        Type nk = Type.tensor(Dim.named("n"), Dim.named("k")), km = Type.tensor(Dim.named("k"), Dim.named("m"));
        Class<?> c = Ir.load(
                ir.def("mm", List.of("a", "b"), List.of(nk, km), p -> List.of(b.op(Prims.MATMUL, p.get(0), p.get(1)))),
                ir.def("mv", List.of("a", "x"), List.of(nk, k), p -> List.of(b.op(Prims.MATMUL, p.get(0), p.get(1)))),
                ir.def("vm", List.of("y", "a"), List.of(Type.tensor(Dim.named("n")), nk), p -> List.of(b.op(Prims.MATMUL, p.get(0), p.get(1)))),
                ir.def("dot", List.of("x", "z"), List.of(k, k), p -> List.of(b.op(Prims.MATMUL, p.get(0), p.get(1)))));
        Tensor ab = (Tensor) Invoker.call(c, "mm", Tensor.matrix(A), Tensor.matrix(B));
        assertArrayEquals(new int[] {2, 2}, ab.shape);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int p = 0; p < 3; p++) s += A[i][p] * B[p][j];
                assertEquals(s, ab.get(i, j), 1e-15);
            }
        }
        Tensor ax = (Tensor) Invoker.call(c, "mv", A, X);
        Tensor ya = (Tensor) Invoker.call(c, "vm", Y, A);
        for (int i = 0; i < 2; i++) assertEquals(A[i][0] * X[0] + A[i][1] * X[1] + A[i][2] * X[2], ax.get(i), 1e-15);
        for (int j = 0; j < 3; j++) assertEquals(Y[0] * A[0][j] + Y[1] * A[1][j], ya.get(j), 1e-15);
        assertEquals(X[0] * X[0] + X[1] * X[1] + X[2] * X[2], (Double) Invoker.call(c, "dot", X, X), 1e-15);
    }

    @Test
    void reductionsSizesAndElementwiseCalls() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // stats(a) = (sum(exp(a) + 1), mean(a), size(a), size(a, axis 1), a * 2)
        Class<?> c = Ir.load(ir.def("stats", List.of("a"), List.of(MATRIX), p -> {
            Var a = p.get(0);
            return List.of(b.op(Prims.SUM, b.op(Prims.ADD, b.op(Prims.EXP, a), b.real(1))), b.op(Prims.MEAN, a),
                    b.op(Prims.SIZE, a), b.op(Prims.SIZE, 1, a), b.op(Prims.MUL, a, b.real(2)));
        }));
        Object[] r = (Object[]) Invoker.call(c, "stats", (Object) A);
        double sum = 0, plain = 0;
        for (double[] row : A) {
            for (double v : row) {
                sum += Math.exp(v) + 1;
                plain += v;
            }
        }
        assertEquals(sum, (Double) r[0], 1e-12);
        assertEquals(plain / 6, (Double) r[1], 1e-15);
        assertEquals(6, r[2]);
        assertEquals(3, r[3]);
        Tensor twice = (Tensor) r[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) assertEquals(2 * A[i][j], twice.get(i, j), 0.0);
        }
    }

    @Test
    void indexingReadsEntriesRowsColumnsAndSlices() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        Class<?> c = Ir.load(ir.def("parts", List.of("a", "x", "i", "j"), List.of(MATRIX, VECTOR, INT, INT), p -> {
            Var a = p.get(0), x = p.get(1), i = p.get(2), j = p.get(3);
            return List.of(
                    b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET1, null), x, j),
                    b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET2, null), a, i, j),
                    b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.ROW, null), a, i),
                    b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.COL, null), a, j),
                    b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.SLICE, Dim.named("s")), a, i, b.integer(2)));
        }));
        Object[] r = (Object[]) Invoker.call(c, "parts", A, X, 1, 2);
        assertEquals(X[2], r[0]);
        assertEquals(A[1][2], r[1]);
        assertArrayEquals(A[1], ((Tensor) r[2]).data, 0.0);
        assertArrayEquals(new double[] {A[0][2], A[1][2]}, ((Tensor) r[3]).data, 0.0);
        assertArrayEquals(new int[] {1, 3}, ((Tensor) r[4]).shape);
        assertArrayEquals(A[1], ((Tensor) r[4]).data, 0.0);
        // a runtime exception reaches the caller unchanged
        assertThrows(IndexOutOfBoundsException.class, () -> Invoker.call(c, "parts", A, X, 2, 0));
    }

    @Test
    void stackPacksRealsOrTensorsIntoOneArray() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // grid(u, v) = [[u, v, u * v], [1, 2, 3]]
        Class<?> c = Ir.load(ir.def("grid", List.of("u", "v"), List.of(REAL, REAL), p -> {
            Var row0 = b.op(Prims.STACK, p.get(0), p.get(1), b.op(Prims.MUL, p.get(0), p.get(1)));
            Var row1 = b.op(Prims.STACK, b.real(1), b.real(2), b.real(3));
            return List.of(b.op(Prims.STACK, row0, row1));
        }));
        Tensor g = (Tensor) Invoker.call(c, "grid", 1.5, -4.0);
        assertArrayEquals(new int[] {2, 3}, g.shape);
        assertArrayEquals(new double[] {1.5, -4.0, 1.5 * -4.0, 1, 2, 3}, g.data, 0.0);
    }

    @Test
    void broadcastAndMixedScalarTensorArithmetic() {
        Ir ir = new Ir();
        IrBuilder b = ir.b;
        // f(s, x) = (s - x) / broadcast(s, x)
        Class<?> c = Ir.load(ir.def("f", List.of("s", "x"), List.of(REAL, VECTOR), p ->
                List.of(b.op(Prims.DIV, b.op(Prims.SUB, p.get(0), p.get(1)), b.op(Prims.BROADCAST, p.get(0), p.get(1))))));
        Tensor r = (Tensor) Invoker.call(c, "f", 2.0, X);
        for (int i = 0; i < X.length; i++) assertEquals((2.0 - X[i]) / 2.0, r.data[i], 0.0);
    }
}
