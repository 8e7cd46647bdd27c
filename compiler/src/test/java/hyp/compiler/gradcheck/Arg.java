package hyp.compiler.gradcheck;

import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.Random;

/** One argument of a primitive under test: a parameter drawn at random, or a literal written into the IR. */
sealed interface Arg {
    /** A real parameter. */
    record Real(Domain domain) implements Arg {}

    /** A tensor parameter of a fixed shape (literal dimensions, so 1-element tensors are possible). */
    record Tensors(Domain domain, int... shape) implements Arg {}

    /** An int parameter, fixed or uniform in [from, to]. */
    record Int(int from, int to) implements Arg {}

    /** A real literal: the derivative rules see a constant (as for x^2 written in .hyp). */
    record Literal(double value) implements Arg {}

    static Arg real(Domain d) {
        return new Real(d);
    }

    static Arg tensor(Domain d, int... shape) {
        return new Tensors(d, shape);
    }

    static Arg integer(int value) {
        return new Int(value, value);
    }

    static Arg integer(int from, int to) {
        return new Int(from, to);
    }

    static Arg literal(double v) {
        return new Literal(v);
    }

    default Type type() {
        if (this instanceof Tensors t) {
            Dim[] dims = new Dim[t.shape().length];
            for (int i = 0; i < dims.length; i++) dims[i] = Dim.of(t.shape()[i]);
            return Type.tensor(dims);
        }
        return this instanceof Int ? Type.INT : Type.REAL;
    }

    /** A value for a parameter; entries are edge values with probability {@code edgy}. */
    default Object draw(Random r, double edgy) {
        if (this instanceof Real x) return x.domain().draw(r, edgy);
        if (this instanceof Int i) return i.from() + r.nextInt(i.to() - i.from() + 1);
        Tensors t = (Tensors) this;
        Tensor v = Tensor.zeros(t.shape());
        for (int k = 0; k < v.size(); k++) v.data[k] = t.domain().draw(r, edgy);
        return v;
    }
}
