package hyp.runtime.complex;

import hyp.runtime.Tensor;
import java.util.Arrays;

/**
 * A dense, row-major tensor of complex numbers, held as two arrays of real and imaginary parts so that each is
 * an ordinary {@link Tensor} payload. Generated complex-step code treats it as immutable, like {@link Tensor}.
 */
public final class ComplexTensor {
    /** Real parts, row-major; {@code re.length == size()}. */
    public final double[] re;
    /** Imaginary parts, row-major; {@code im.length == re.length}. */
    public final double[] im;
    /** Extent of each axis. */
    public final int[] shape;

    /**
     * Wraps the two arrays (not copied) with the given shape.
     *
     * @throws IllegalArgumentException if the arrays differ in length or do not fit the shape
     */
    public ComplexTensor(double[] re, double[] im, int... shape) {
        if (re == null || im == null || shape == null) {
            throw new IllegalArgumentException("ComplexTensor: parts and shape must not be null");
        }
        if (re.length != im.length) {
            throw new IllegalArgumentException("ComplexTensor: " + re.length + " real parts but " + im.length + " imaginary parts");
        }
        new Tensor(re, shape); // checks the shape against the element count
        this.re = re;
        this.im = im;
        this.shape = shape.clone();
    }

    /** A tensor of complex zeros. */
    public static ComplexTensor zeros(int... shape) {
        Tensor z = Tensor.zeros(shape);
        return new ComplexTensor(z.data, new double[z.data.length], shape);
    }

    /** A real tensor as a complex one (imaginary parts 0); the data are copied. */
    public static ComplexTensor fromReal(Tensor t) {
        return new ComplexTensor(t.data.clone(), new double[t.data.length], t.shape);
    }

    /** re + i·im from two tensors of one shape; the data are copied. */
    public static ComplexTensor of(Tensor re, Tensor im) {
        if (!re.sameShape(im)) {
            throw new IllegalArgumentException("ComplexTensor.of: shapes " + Arrays.toString(re.shape) + " and "
                    + Arrays.toString(im.shape) + " differ");
        }
        return new ComplexTensor(re.data.clone(), im.data.clone(), re.shape);
    }

    /** The real parts as a new tensor. */
    public Tensor re() {
        return new Tensor(re.clone(), shape);
    }

    /** The imaginary parts as a new tensor. */
    public Tensor im() {
        return new Tensor(im.clone(), shape);
    }

    /** The entry at a flat (row-major) position. */
    public Complex at(int flat) {
        return new Complex(re[flat], im[flat]);
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return re.length;
    }

    public boolean sameShape(ComplexTensor o) {
        return Arrays.equals(shape, o.shape);
    }

    /** Equal shape and bitwise-equal parts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(re, t.re)
                && Arrays.equals(im, t.im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(re)) + Arrays.hashCode(im);
    }

    /** The real and imaginary parts, each printed like a {@link Tensor}. */
    @Override
    public String toString() {
        return re() + " + i·" + im();
    }
}
