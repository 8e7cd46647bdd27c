package hyp.runtime.complex;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The complex version of {@code hyp.runtime.ops.TensorMath}: element-wise arithmetic and functions, with a scalar
 * broadcast on either side, each entry computed by the {@link ComplexOps} function of the same name (so the
 * branch conventions of the non-analytic ones are those documented there). Results are new tensors.
 */
public final class ComplexTensorMath {
    private ComplexTensorMath() {}

    public static ComplexTensor add(ComplexTensor x, ComplexTensor y) { return zip("add", x, y, ComplexOps::add); }
    public static ComplexTensor add(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::add); }
    public static ComplexTensor add(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::add); }

    public static ComplexTensor sub(ComplexTensor x, ComplexTensor y) { return zip("sub", x, y, ComplexOps::sub); }
    public static ComplexTensor sub(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::sub); }
    public static ComplexTensor sub(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::sub); }

    public static ComplexTensor mul(ComplexTensor x, ComplexTensor y) { return zip("mul", x, y, ComplexOps::mul); }
    public static ComplexTensor mul(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::mul); }
    public static ComplexTensor mul(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::mul); }

    public static ComplexTensor div(ComplexTensor x, ComplexTensor y) { return zip("div", x, y, ComplexOps::div); }
    public static ComplexTensor div(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::div); }
    public static ComplexTensor div(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::div); }

    public static ComplexTensor pow(ComplexTensor x, ComplexTensor y) { return zip("pow", x, y, ComplexOps::pow); }
    public static ComplexTensor pow(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::pow); }
    public static ComplexTensor pow(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::pow); }

    public static ComplexTensor max(ComplexTensor x, ComplexTensor y) { return zip("max", x, y, ComplexOps::max); }
    public static ComplexTensor max(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::max); }
    public static ComplexTensor max(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::max); }

    public static ComplexTensor min(ComplexTensor x, ComplexTensor y) { return zip("min", x, y, ComplexOps::min); }
    public static ComplexTensor min(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::min); }
    public static ComplexTensor min(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::min); }

    public static ComplexTensor geMask(ComplexTensor x, ComplexTensor y) { return zip("geMask", x, y, ComplexOps::geMask); }
    public static ComplexTensor geMask(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::geMask); }
    public static ComplexTensor geMask(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::geMask); }

    public static ComplexTensor leMask(ComplexTensor x, ComplexTensor y) { return zip("leMask", x, y, ComplexOps::leMask); }
    public static ComplexTensor leMask(Complex a, ComplexTensor y) { return zip(a, y, ComplexOps::leMask); }
    public static ComplexTensor leMask(ComplexTensor x, Complex b) { return zip(x, b, ComplexOps::leMask); }

    public static ComplexTensor neg(ComplexTensor t) { return map(t, ComplexOps::neg); }
    public static ComplexTensor exp(ComplexTensor t) { return map(t, ComplexOps::exp); }
    public static ComplexTensor log(ComplexTensor t) { return map(t, ComplexOps::log); }
    public static ComplexTensor log1p(ComplexTensor t) { return map(t, ComplexOps::log1p); }
    public static ComplexTensor sqrt(ComplexTensor t) { return map(t, ComplexOps::sqrt); }
    public static ComplexTensor abs(ComplexTensor t) { return map(t, ComplexOps::abs); }
    public static ComplexTensor tanh(ComplexTensor t) { return map(t, ComplexOps::tanh); }
    public static ComplexTensor sigmoid(ComplexTensor t) { return map(t, ComplexOps::sigmoid); }
    public static ComplexTensor softplus(ComplexTensor t) { return map(t, ComplexOps::softplus); }
    public static ComplexTensor relu(ComplexTensor t) { return map(t, ComplexOps::relu); }
    public static ComplexTensor step(ComplexTensor t) { return map(t, ComplexOps::step); }
    public static ComplexTensor sign(ComplexTensor t) { return map(t, ComplexOps::sign); }

    // ---- one loop per shape of arguments ----

    private static ComplexTensor map(ComplexTensor t, UnaryOperator<Complex> f) {
        int n = t.size();
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) store(f.apply(t.at(i)), re, im, i);
        return new ComplexTensor(re, im, t.shape);
    }

    private static ComplexTensor zip(String op, ComplexTensor x, ComplexTensor y, BinaryOperator<Complex> f) {
        ComplexChecks.sameShape(op, x, y);
        int n = x.size();
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) store(f.apply(x.at(i), y.at(i)), re, im, i);
        return new ComplexTensor(re, im, x.shape);
    }

    private static ComplexTensor zip(Complex a, ComplexTensor y, BinaryOperator<Complex> f) {
        int n = y.size();
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) store(f.apply(a, y.at(i)), re, im, i);
        return new ComplexTensor(re, im, y.shape);
    }

    private static ComplexTensor zip(ComplexTensor x, Complex b, BinaryOperator<Complex> f) {
        int n = x.size();
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) store(f.apply(x.at(i), b), re, im, i);
        return new ComplexTensor(re, im, x.shape);
    }

    private static void store(Complex z, double[] re, double[] im, int i) {
        re[i] = z.re();
        im[i] = z.im();
    }
}
