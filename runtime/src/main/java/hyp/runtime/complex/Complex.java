package hyp.runtime.complex;

/**
 * An immutable complex number re + i·im. Complex-step code carries every real value of a def as one of these:
 * the real part is the value, the imaginary part (over the step) its directional derivative.
 */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0.0, 0.0);
    public static final Complex ONE = new Complex(1.0, 0.0);

    /** A real number as a complex one (imaginary part 0). */
    public static Complex of(double re) {
        return new Complex(re, 0.0);
    }

    /** |z|, without overflow or underflow in the squares. */
    public double modulus() {
        return Math.hypot(re, im);
    }

    /** True when neither part is NaN nor infinite. */
    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    @Override
    public String toString() {
        return im < 0 || (im == 0 && 1 / im < 0) ? re + " - " + (-im) + "i" : re + " + " + im + "i";
    }
}
