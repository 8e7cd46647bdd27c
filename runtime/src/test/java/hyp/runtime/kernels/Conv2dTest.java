package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2dTest {
    private final Random rnd = new Random(37);

    /** y[b,f,i,j] = Σ w[f,c,u,v]·x[b,c,i+u,j+v] by direct loops, with Σ|terms| for tolerances. */
    private static double[][] naive(ConvShape s, double[] x, double[] w) {
        int oh = s.outH();
        int ow = s.outW();
        double[] y = new double[s.outputSize()];
        double[] mag = new double[s.outputSize()];
        for (int b = 0; b < s.batch(); b++) {
            for (int f = 0; f < s.filters(); f++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double acc = 0;
                        double g = 0;
                        for (int c = 0; c < s.channels(); c++) {
                            for (int u = 0; u < s.kernelH(); u++) {
                                for (int v = 0; v < s.kernelW(); v++) {
                                    double t = w[((f * s.channels() + c) * s.kernelH() + u) * s.kernelW() + v]
                                            * x[((b * s.channels() + c) * s.height() + i + u) * s.width() + j + v];
                                    acc += t;
                                    g += Math.abs(t);
                                }
                            }
                        }
                        int at = ((b * s.filters() + f) * oh + i) * ow + j;
                        y[at] = acc;
                        mag[at] = g;
                    }
                }
            }
        }
        return new double[][] {y, mag};
    }

    private static final ConvShape[] SHAPES = {
        new ConvShape(1, 1, 1, 1, 1, 1, 1),
        new ConvShape(2, 3, 7, 9, 4, 3, 2),
        new ConvShape(1, 1, 28, 28, 6, 5, 5),   // LeNet layer 1
        new ConvShape(3, 6, 14, 14, 16, 5, 5),  // LeNet layer 2
        new ConvShape(2, 2, 5, 17, 3, 5, 1),
        new ConvShape(3, 6, 12, 12, 16, 5, 5),  // LeNet layer 2 as the network has it: rows of 8 outputs
        new ConvShape(2, 2, 10, 22, 5, 3, 7),   // 16 outputs per row, taps in two blocks of the direct filter adjoint
    };

    @Test
    void forwardMatchesDirectLoops() {
        for (ConvShape s : SHAPES) {
            double[] x = Reference.random(rnd, s.inputSize());
            double[] w = Reference.random(rnd, s.filterSize());
            double[] y = Reference.random(rnd, s.outputSize()); // overwritten
            Conv2d.forward(s, x, w, y);
            double[][] ref = naive(s, x, w);
            for (int e = 0; e < y.length; e++) {
                Reference.assertClose(ref[0][e], y[e], 1e-13, ref[1][e], s + " at " + e);
            }
        }
    }

    /**
     * The adjoints are checked by the dot-product identity ⟨conv(x, w), dy⟩ = ⟨x, A_x(dy)⟩ =
     * ⟨w, A_w(dy)⟩ that defines them, with forward values from the direct loops; they must also
     * add into, not overwrite, their outputs.
     */
    @Test
    void adjointsSatisfyTheDotProductIdentityAndAccumulate() {
        for (ConvShape s : SHAPES) {
            double[] x = Reference.random(rnd, s.inputSize());
            double[] w = Reference.random(rnd, s.filterSize());
            double[] dy = Reference.random(rnd, s.outputSize());
            double lhs = Reference.dot(naive(s, x, w)[0], dy);
            double[] dx0 = Reference.random(rnd, x.length);
            double[] dw0 = Reference.random(rnd, w.length);
            double[] dx = dx0.clone();
            double[] dw = dw0.clone();
            Conv2d.adjointInput(s, dy, w, dx);
            Conv2d.adjointFilter(s, dy, x, dw);
            double scale = Reference.sumAbs(dy) * Reference.sumAbs(x) * Reference.sumAbs(w) / x.length + 1;
            Reference.assertClose(lhs, Reference.dot(x, dx) - Reference.dot(x, dx0), 1e-12, scale, "input " + s);
            Reference.assertClose(lhs, Reference.dot(w, dw) - Reference.dot(w, dw0), 1e-12, scale, "filter " + s);
        }
    }

    /** Each adjoint entry against the derivative of the (bilinear) pairing along a unit vector. */
    @Test
    void adjointEntriesMatchUnitPerturbations() {
        ConvShape s = new ConvShape(2, 2, 6, 5, 3, 3, 2);
        double[] x = Reference.random(rnd, s.inputSize());
        double[] w = Reference.random(rnd, s.filterSize());
        double[] dy = Reference.random(rnd, s.outputSize());
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        Conv2d.adjointInput(s, dy, w, dx);
        Conv2d.adjointFilter(s, dy, x, dw);
        for (int k = 0; k < x.length; k++) {
            double[] e = new double[x.length];
            e[k] = 1;
            org.junit.jupiter.api.Assertions.assertEquals(Reference.dot(naive(s, e, w)[0], dy), dx[k], 1e-13);
        }
        for (int k = 0; k < w.length; k++) {
            double[] e = new double[w.length];
            e[k] = 1;
            org.junit.jupiter.api.Assertions.assertEquals(Reference.dot(naive(s, x, e)[0], dy), dw[k], 1e-13);
        }
    }

    @Test
    void batchResultsAreBitIdenticalForAnyThreadCount() {
        for (ConvShape s : new ConvShape[] {new ConvShape(9, 6, 14, 14, 16, 5, 5), new ConvShape(16, 2, 28, 28, 6, 5, 5)}) {
            double[] x = Reference.random(rnd, s.inputSize());
            double[] w = Reference.random(rnd, s.filterSize());
            double[] dy = Reference.random(rnd, s.outputSize());
            double[][] one = run(1, s, x, w, dy);
            double[][] three = run(3, s, x, w, dy);
            for (int i = 0; i < 3; i++) {
                Reference.assertBitsEqual(one[i], three[i], s + " output " + i);
            }
        }
    }

    private static double[][] run(int threads, ConvShape s, double[] x, double[] w, double[] dy) {
        double[] y = new double[s.outputSize()];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        Reference.withThreads(threads, () -> {
            Conv2d.forward(s, x, w, y);
            Conv2d.adjointInput(s, dy, w, dx);
            Conv2d.adjointFilter(s, dy, x, dw);
        });
        return new double[][] {y, dx, dw};
    }

    @Test
    void invalidShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ConvShape(1, 1, 4, 4, 1, 5, 1));
        ConvShape s = new ConvShape(1, 1, 4, 4, 1, 3, 3);
        assertThrows(IllegalArgumentException.class,
                () -> Conv2d.forward(s, new double[15], new double[9], new double[4]));
    }
}
