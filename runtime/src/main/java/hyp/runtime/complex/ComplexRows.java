package hyp.runtime.complex;

import hyp.runtime.Tensor;
import hyp.runtime.ops.Rows;
import hyp.runtime.ops.ShapeMismatchException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The complex version of {@code hyp.runtime.ops.Rows}. Everything but the row-wise log-sum-exp is linear in the
 * tensor argument and acts on both parts alike.
 */
public final class ComplexRows {
    private ComplexRows() {}

    public static ComplexTensor spread(ComplexTensor x, ComplexTensor like) {
        Tensor shape = new Tensor(new double[like.size()], like.shape);
        return linear(t -> Rows.spread(t, shape), x);
    }

    public static ComplexTensor spread(Complex v, ComplexTensor like) {
        Tensor shape = new Tensor(new double[like.size()], like.shape);
        Tensor re = Rows.spread(v.re(), shape), im = Rows.spread(v.im(), shape);
        return new ComplexTensor(re.data, im.data, re.shape);
    }

    public static ComplexTensor sumRows(ComplexTensor x) {
        return linear(Rows::sumRows, x);
    }

    public static ComplexTensor broadcast(ComplexTensor v, ComplexTensor like) {
        Tensor shape = new Tensor(new double[like.size()], like.shape);
        return linear(t -> Rows.broadcast(t, shape), v);
    }

    public static ComplexTensor sums(ComplexTensor x) {
        return linear(Rows::sums, x);
    }

    public static ComplexTensor logsumexps(ComplexTensor x) {
        if (x.rank() < 1) throw new ShapeMismatchException("row_logsumexp: expected rows, got a scalar");
        int rows = x.shape[0], n = x.size() / Math.max(rows, 1);
        ComplexTensor r = ComplexTensor.zeros(rows);
        for (int i = 0; i < rows; i++) {
            ComplexTensor row = new ComplexTensor(Arrays.copyOfRange(x.re, i * n, (i + 1) * n),
                    Arrays.copyOfRange(x.im, i * n, (i + 1) * n), n);
            Complex l = ComplexReductions.logsumexp(row);
            r.re[i] = l.re();
            r.im[i] = l.im();
        }
        return r;
    }

    public static ComplexTensor reshape(ComplexTensor x, int a) {
        return linear(t -> Rows.reshape(t, a), x);
    }

    public static ComplexTensor reshape(ComplexTensor x, int a, int b) {
        return linear(t -> Rows.reshape(t, a, b), x);
    }

    public static ComplexTensor reshape(ComplexTensor x, int a, int b, int c) {
        return linear(t -> Rows.reshape(t, a, b, c), x);
    }

    private static ComplexTensor linear(UnaryOperator<Tensor> op, ComplexTensor x) {
        Tensor re = op.apply(x.re()), im = op.apply(x.im());
        return new ComplexTensor(re.data, im.data, re.shape);
    }
}
