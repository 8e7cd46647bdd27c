package hyp.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.runtime.Tensor;
import hyp.runtime.complex.ComplexImages;
import hyp.runtime.complex.ComplexShapes;
import hyp.runtime.complex.ComplexTensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolution and pooling of single images against plain loops written from their definitions, the adjoints
 * against the inner-product identity ⟨A x, y⟩ = ⟨x, Aᵀ y⟩, and the complex versions against complex loops.
 */
class ImagesTest {
    private static final Random RND = new Random(11);

    private static Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = 2 * RND.nextDouble() - 1;
        return t;
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
        return s;
    }

    /** y[k,i,j] = Σ f[k,c,u,v] x[c,i+u,j+v], straight from the definition. */
    private static double[] naiveConv(double[] x, double[] f, int c, int h, int w, int k, int r, int s) {
        int oh = h - r + 1, ow = w - s + 1;
        double[] y = new double[k * oh * ow];
        for (int q = 0; q < k; q++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double sum = 0;
                    for (int ch = 0; ch < c; ch++) {
                        for (int u = 0; u < r; u++) {
                            for (int v = 0; v < s; v++) {
                                sum += f[((q * c + ch) * r + u) * s + v] * x[(ch * h + i + u) * w + j + v];
                            }
                        }
                    }
                    y[(q * oh + i) * ow + j] = sum;
                }
            }
        }
        return y;
    }

    @Test
    void convolutionMatchesItsDefinition() {
        int[][] sizes = {{1, 5, 5, 1, 3, 3}, {2, 8, 7, 3, 5, 2}, {3, 6, 6, 4, 6, 6}, {6, 12, 12, 16, 5, 5}};
        for (int[] z : sizes) {
            Tensor x = random(z[0], z[1], z[2]), f = random(z[3], z[0], z[4], z[5]);
            Tensor y = Images.conv2d(x, f);
            assertArrayEquals(new int[] {z[3], z[1] - z[4] + 1, z[2] - z[5] + 1}, y.shape);
            assertArrayEquals(naiveConv(x.data, f.data, z[0], z[1], z[2], z[3], z[4], z[5]), y.data, 1e-12);
        }
    }

    @Test
    void adjointsSatisfyTheInnerProductIdentity() {
        Tensor x = random(3, 9, 8), f = random(4, 3, 4, 3);
        Tensor dy = random(4, 6, 6);
        double forward = dot(Images.conv2d(x, f), dy);
        Tensor dx = Images.conv2dInputAdjoint(dy, f), df = Images.conv2dFilterAdjoint(dy, x);
        assertArrayEquals(x.shape, dx.shape);
        assertArrayEquals(f.shape, df.shape);
        assertEquals(forward, dot(x, dx), 1e-12 * (1 + Math.abs(forward)));
        assertEquals(forward, dot(f, df), 1e-12 * (1 + Math.abs(forward)));
    }

    @Test
    void poolingAveragesWindowsAndItsAdjointSpreadsQuarters() {
        Tensor x = new Tensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 4, 4);
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, Images.avgpool2(x).data, 0.0);
        Tensor m = random(2, 3, 6, 4), g = random(2, 3, 3, 2);
        Tensor pooled = Images.avgpool2(m);
        assertArrayEquals(new int[] {2, 3, 3, 2}, pooled.shape);
        Tensor spread = Images.avgpool2Adjoint(g);
        assertArrayEquals(m.shape, spread.shape);
        assertEquals(dot(pooled, g), dot(m, spread), 1e-13);
        assertEquals(0.25 * g.data[0], spread.data[0], 0.0);
        assertEquals(0.25 * g.data[0], spread.data[4 + 1], 0.0);
        assertThrows(ShapeMismatchException.class, () -> Images.avgpool2(random(1, 5, 4)));
    }

    @Test
    void shapeErrorsNameTheOperation() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Images.conv2d(random(2, 5, 5), random(1, 3, 3, 3)));
        assertEquals("conv2d: channels 2 and 3 differ", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Images.conv2d(random(1, 2, 5), random(1, 1, 3, 3)));
        assertThrows(ShapeMismatchException.class, () -> Shapes.reshape(random(2, 3), 5));
    }

    @Test
    void reshapeKeepsRowMajorOrderAndCopies() {
        Tensor x = random(2, 3, 4);
        Tensor r = Shapes.reshape(x, 4, 6);
        assertArrayEquals(new int[] {4, 6}, r.shape);
        assertArrayEquals(x.data, r.data, 0.0);
        r.data[0] = 99;
        assertEquals(false, x.data[0] == 99);
        ComplexTensor z = new ComplexTensor(x.data.clone(), random(2, 3, 4).data, 2, 3, 4);
        ComplexTensor zr = ComplexShapes.reshape(z, 24);
        assertArrayEquals(z.re, zr.re, 0.0);
        assertArrayEquals(z.im, zr.im, 0.0);
    }

    @Test
    void complexConvolutionIsTheBilinearContinuation() {
        int c = 2, h = 6, w = 5, k = 3, r = 3, s = 2;
        Tensor xr = random(c, h, w), xi = random(c, h, w), fr = random(k, c, r, s), fi = random(k, c, r, s);
        ComplexTensor y = ComplexImages.conv2d(ComplexTensor.of(xr, xi), ComplexTensor.of(fr, fi));
        double[] rr = naiveConv(xr.data, fr.data, c, h, w, k, r, s), ii = naiveConv(xi.data, fi.data, c, h, w, k, r, s);
        double[] ri = naiveConv(xr.data, fi.data, c, h, w, k, r, s), ir = naiveConv(xi.data, fr.data, c, h, w, k, r, s);
        for (int q = 0; q < rr.length; q++) {
            assertEquals(rr[q] - ii[q], y.re[q], 1e-12);
            assertEquals(ri[q] + ir[q], y.im[q], 1e-12);
        }
        Tensor dy = random(k, h - r + 1, w - s + 1);
        ComplexTensor dx = ComplexImages.conv2dInputAdjoint(ComplexTensor.fromReal(dy), ComplexTensor.of(fr, fi));
        assertArrayEquals(Images.conv2dInputAdjoint(dy, fr).data, dx.re, 1e-12);
        assertArrayEquals(Images.conv2dInputAdjoint(dy, fi).data, dx.im, 1e-12);
        ComplexTensor df = ComplexImages.conv2dFilterAdjoint(ComplexTensor.fromReal(dy), ComplexTensor.of(xr, xi));
        assertArrayEquals(Images.conv2dFilterAdjoint(dy, xr).data, df.re, 1e-12);
        assertArrayEquals(Images.conv2dFilterAdjoint(dy, xi).data, df.im, 1e-12);
        Tensor mr = random(c, 4, 6), mi = random(c, 4, 6);
        ComplexTensor p = ComplexImages.avgpool2(ComplexTensor.of(mr, mi));
        assertArrayEquals(Images.avgpool2(mr).data, p.re, 0.0);
        assertArrayEquals(Images.avgpool2(mi).data, p.im, 0.0);
        ComplexTensor u = ComplexImages.avgpool2Adjoint(p);
        assertArrayEquals(Images.avgpool2Adjoint(Images.avgpool2(mr)).data, u.re, 0.0);
        assertArrayEquals(Images.avgpool2Adjoint(Images.avgpool2(mi)).data, u.im, 0.0);
    }
}
