package hyp.runtime.complex;

import hyp.runtime.Tensor;
import hyp.runtime.tape.Tape;

/**
 * The complex versions of the {@link Tape} calls that carry reals, so that adjoint code (which keeps loop values
 * on a tape) can itself be run with complex values: a complex number is kept as its two parts, pushed real part
 * first and popped in reverse. Ints and bools need no complex version.
 */
public final class ComplexTapes {
    private ComplexTapes() {}

    public static Tape pushReal(Tape t, Complex v) {
        return Tape.pushReal(Tape.pushReal(t, v.re()), v.im());
    }

    public static Complex popReal(Tape t) {
        double im = Tape.popReal(t);
        return new Complex(Tape.popReal(t), im);
    }

    /** A null tensor ("no value yet") stays null. */
    public static Tape pushTensor(Tape t, ComplexTensor v) {
        if (v == null) return Tape.pushTensor(Tape.pushTensor(t, null), null);
        return Tape.pushTensor(Tape.pushTensor(t, new Tensor(v.re, v.shape)), new Tensor(v.im, v.shape));
    }

    public static ComplexTensor popTensor(Tape t) {
        Tensor im = Tape.popTensor(t);
        Tensor re = Tape.popTensor(t);
        return re == null ? null : new ComplexTensor(re.data, im.data, re.shape);
    }
}
