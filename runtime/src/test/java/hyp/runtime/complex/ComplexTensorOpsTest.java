package hyp.runtime.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import hyp.runtime.ops.Indexing;
import hyp.runtime.ops.Products;
import hyp.runtime.ops.Reductions;
import hyp.runtime.ops.ShapeMismatchException;
import hyp.runtime.ops.Shapes;
import hyp.runtime.ops.TensorMath;
import hyp.runtime.tape.Tape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tensor ops: linear ones split into real and imaginary parts, bilinear products follow (a + ib)(c + id), and the
 * non-linear reductions satisfy the complex-step identity with their closed-form derivatives.
 */
class ComplexTensorOpsTest {
    private static final double H = 1e-20;
    private final Random random = new Random(11);

    private Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = random.nextGaussian();
        return t;
    }

    private ComplexTensor complex(int... shape) {
        return ComplexTensor.of(random(shape), random(shape));
    }

    /** x + i·h·d. */
    private static ComplexTensor stepped(Tensor x, Tensor d) {
        return ComplexTensor.of(x, TensorMath.mul(H, d));
    }

    private static void assertParts(Tensor re, Tensor im, ComplexTensor actual, double tol, String what) {
        assertEquals(java.util.Arrays.toString(re.shape), java.util.Arrays.toString(actual.shape), what + " shape");
        for (int i = 0; i < re.size(); i++) {
            assertEquals(re.data[i], actual.re[i], tol * (1 + Math.abs(re.data[i])), what + " re " + i);
            assertEquals(im.data[i], actual.im[i], tol * (1 + Math.abs(im.data[i])), what + " im " + i);
        }
    }

    @Test
    void linearOpsActOnBothParts() {
        ComplexTensor m = complex(3, 4), v = complex(3);
        Tensor mr = m.re(), mi = m.im(), vr = v.re(), vi = v.im();
        assertEquals(new Complex(Reductions.sum(mr), Reductions.sum(mi)), ComplexReductions.sum(m));
        assertEquals(new Complex(Reductions.mean(mr), Reductions.mean(mi)), ComplexReductions.mean(m));
        assertParts(Products.transpose(mr), Products.transpose(mi), ComplexProducts.transpose(m), 0, "transpose");
        assertParts(Indexing.row(mr, 2), Indexing.row(mi, 2), ComplexIndexing.row(m, 2), 0, "row");
        assertParts(Indexing.col(mr, 1), Indexing.col(mi, 1), ComplexIndexing.col(m, 1), 0, "col");
        assertParts(Indexing.slice(mr, 1, 3), Indexing.slice(mi, 1, 3), ComplexIndexing.slice(m, 1, 3), 0, "slice");
        assertEquals(new Complex(Indexing.get(mr, 2, 3), Indexing.get(mi, 2, 3)), ComplexIndexing.get(m, 2, 3));
        assertEquals(new Complex(Indexing.get(vr, 1), Indexing.get(vi, 1)), ComplexIndexing.get(v, 1));
        assertParts(Indexing.scatterRow(Indexing.row(mr, 1), mr, 1), Indexing.scatterRow(Indexing.row(mi, 1), mi, 1),
                ComplexIndexing.scatterRow(ComplexIndexing.row(m, 1), m, 1), 0, "scatterRow");
        assertParts(Indexing.scatterCol(vr, mr, 3), Indexing.scatterCol(vi, mi, 3), ComplexIndexing.scatterCol(v, m, 3), 0, "scatterCol");
        assertParts(Indexing.scatterSlice(Indexing.slice(mr, 0, 2), mr, 1, 3), Indexing.scatterSlice(Indexing.slice(mi, 0, 2), mi, 1, 3),
                ComplexIndexing.scatterSlice(ComplexIndexing.slice(m, 0, 2), m, 1, 3), 0, "scatterSlice");
        Complex z = new Complex(0.5, -2);
        assertParts(Indexing.scatterGet(0.5, mr, 1, 2), Indexing.scatterGet(-2, mi, 1, 2), ComplexIndexing.scatterGet(z, m, 1, 2), 0, "scatterGet2");
        assertParts(Indexing.scatterGet(0.5, vr, 2), Indexing.scatterGet(-2, vi, 2), ComplexIndexing.scatterGet(z, v, 2), 0, "scatterGet1");
        assertParts(Shapes.broadcast(0.5, mr), Shapes.broadcast(-2, mr), ComplexShapes.broadcast(z, m), 0, "broadcast");
        assertParts(Shapes.fill(0.5, 2, 3, 2), Shapes.fill(-2, 2, 3, 2), ComplexShapes.fill(z, 2, 3, 2), 0, "fill");
        assertParts(Shapes.stack(new Tensor[] {vr, vr}), Shapes.stack(new Tensor[] {vi, vi}),
                ComplexShapes.stack(new ComplexTensor[] {v, v}), 0, "stack tensors");
        assertParts(Shapes.stack(new double[] {0.5, 1}), Shapes.stack(new double[] {-2, 0}),
                ComplexShapes.stack(new Complex[] {z, Complex.ONE}), 0, "stack scalars");
        assertThrows(IndexOutOfBoundsException.class, () -> ComplexIndexing.get(v, 3));
        assertThrows(ShapeMismatchException.class, () -> ComplexTensorMath.add(m, v));
    }

    @Test
    void productsAreBilinearWithoutConjugation() {
        ComplexTensor a = complex(3, 4), b = complex(4, 2), x = complex(4), y = complex(3);
        Tensor ar = a.re(), ai = a.im(), br = b.re(), bi = b.im(), xr = x.re(), xi = x.im(), yr = y.re(), yi = y.im();
        assertParts(TensorMath.sub(Products.matmul(ar, br), Products.matmul(ai, bi)),
                TensorMath.add(Products.matmul(ar, bi), Products.matmul(ai, br)), ComplexProducts.matmul(a, b), 1e-15, "matmul");
        assertParts(TensorMath.sub(Products.matvec(ar, xr), Products.matvec(ai, xi)),
                TensorMath.add(Products.matvec(ar, xi), Products.matvec(ai, xr)), ComplexProducts.matvec(a, x), 1e-15, "matvec");
        assertParts(TensorMath.sub(Products.vecmat(yr, ar), Products.vecmat(yi, ai)),
                TensorMath.add(Products.vecmat(yr, ai), Products.vecmat(yi, ar)), ComplexProducts.vecmat(y, a), 1e-15, "vecmat");
        assertParts(TensorMath.sub(Products.outer(yr, xr), Products.outer(yi, xi)),
                TensorMath.add(Products.outer(yr, xi), Products.outer(yi, xr)), ComplexProducts.outer(y, x), 1e-15, "outer");
        Complex dot = ComplexProducts.dot(x, x);
        assertEquals(Products.dot(xr, xr) - Products.dot(xi, xi), dot.re(), 1e-14);
        assertEquals(2 * Products.dot(xr, xi), dot.im(), 1e-14);
        assertThrows(ShapeMismatchException.class, () -> ComplexProducts.matvec(a, y));
    }

    @Test
    void reductionsSatisfyTheComplexStepIdentity() {
        for (int k = 0; k < 200; k++) {
            Tensor x = random(7), d = random(7);
            ComplexTensor z = stepped(x, d);
            // sums may cancel, so errors are measured against the size of the terms
            double scale = Reductions.sum(TensorMath.abs(d));
            assertEquals(Reductions.sum(d), ComplexReductions.sum(z).im() / H, 1e-15 * scale, "sum'");
            assertEquals(Reductions.mean(d), ComplexReductions.mean(z).im() / H, 1e-15 * scale, "mean'");
            double norm = Reductions.norm(x);
            Close.relative("norm", norm, ComplexReductions.norm(z).re(), 1e-15);
            assertEquals(Products.dot(x, d) / norm, ComplexReductions.norm(z).im() / H, 1e-15 * scale, "norm'");
            double lse = Reductions.logsumexp(x);
            Tensor softmax = TensorMath.exp(TensorMath.sub(x, lse));
            Close.relative("logsumexp", lse, ComplexReductions.logsumexp(z).re(), 1e-15);
            assertEquals(Products.dot(softmax, d), ComplexReductions.logsumexp(z).im() / H, 1e-15 * scale, "logsumexp'");
            int argmax = 0;
            for (int i = 1; i < 7; i++) if (x.data[i] > x.data[argmax]) argmax = i;
            assertEquals(new Complex(Reductions.max(x), H * d.data[argmax]), ComplexReductions.max(z));
        }
        // huge entries: the scaled norm neither overflows nor loses the derivative
        Tensor big = Tensor.vector(3e200, 4e200), d = Tensor.vector(1, 1);
        Close.relative("norm' of huge", 7.0 / 5, ComplexReductions.norm(stepped(big, d)).im() / H, 1e-15);
        Close.relative("logsumexp' of huge", 1.0, ComplexReductions.logsumexp(stepped(Tensor.vector(1000, 1000), d)).im() / H, 1e-15);
    }

    @Test
    void maxSharesTheDerivativeAmongTiesLikeTheRealRule() {
        ComplexTensor z = new ComplexTensor(new double[] {2, 5, 5, 1}, new double[] {9, 1, 3, 9}, 4);
        assertEquals(new Complex(5, 2), ComplexReductions.max(z));
        assertEquals(Double.NaN, ComplexReductions.max(ComplexTensor.fromReal(Tensor.vector(1, Double.NaN))).re());
        assertThrows(ShapeMismatchException.class, () -> ComplexReductions.max(ComplexTensor.zeros(0)));
    }

    @Test
    void tapesKeepComplexValuesInOrder() {
        ComplexTensor t = complex(2, 3);
        Tape tape = Tape.create();
        ComplexTapes.pushReal(tape, new Complex(1, 2));
        ComplexTapes.pushTensor(tape, t);
        ComplexTapes.pushTensor(tape, null);
        ComplexTapes.pushReal(tape, new Complex(3, -4));
        assertEquals(new Complex(3, -4), ComplexTapes.popReal(tape));
        assertNull(ComplexTapes.popTensor(tape));
        assertEquals(t, ComplexTapes.popTensor(tape));
        assertEquals(new Complex(1, 2), ComplexTapes.popReal(tape));
        assertEquals(0, tape.size());
    }
}
