package hyp.compiler.gradcheck;

import hyp.compiler.ad.ComplexTransform;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Directional derivatives by the complex step, df/dx·d = Im f(x + iεd)/ε + O(ε²): there is no subtraction, so ε
 * can be tiny (1e-20 by default) and the result is exact to machine precision. It runs the complex version of a
 * def ({@link ComplexTransform}) in the reference interpreter, never the derivative rules of the primitives, which
 * makes it an independent check of tangent and adjoint code.
 *
 * <p>Arguments are passed as to {@link Interpreter#run}: Double, Integer, Boolean or Tensor, one per parameter.
 * Directions have one entry per parameter too: a Double or Tensor for real ones ({@code null} meaning zero), and
 * {@code null} for ints and bools, which have no derivative.
 */
public final class ComplexStep {
    /** The default step: far below any rounding, far above underflow of typical ε·d. */
    public static final double DEFAULT_STEP = 1e-20;

    private final Function real;
    private final Function complex;
    private final double step;

    private ComplexStep(Function real, double step) {
        if (!(step > 0) || Double.isInfinite(step)) throw new IllegalArgumentException("complex step " + step + " must be positive");
        this.real = real;
        this.complex = ComplexTransform.of(real);
        this.step = step;
    }

    public static ComplexStep of(Function f) {
        return new ComplexStep(f, DEFAULT_STEP);
    }

    public static ComplexStep of(Function f, double step) {
        return new ComplexStep(f, step);
    }

    /** The complex version being evaluated. */
    public Function complexFunction() {
        return complex;
    }

    /** The values of f at x (real parts) and their derivatives along d, one entry per result. */
    public record Result(List<Object> values, List<Object> derivatives) {}

    /**
     * f(x) and df/dx·d. Each value is a Double, Tensor, Integer or Boolean; each derivative a Double or Tensor for
     * a real result and null for an int or bool one.
     *
     * @throws ArithmeticException if a derivative is NaN or infinite, naming the def and the result
     */
    public Result along(List<Object> point, List<Object> direction) {
        List<Var> params = real.params();
        if (point.size() != params.size() || direction.size() != params.size()) {
            throw new IllegalArgumentException(real.name() + " takes " + params.size() + " arguments; got "
                    + point.size() + " and " + direction.size() + " directions");
        }
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) args.add(stepped(i, point.get(i), direction.get(i)));
        Object out = Interpreter.run(complex, args);
        List<Object> results = complex.body().results().size() == 1 ? Arrays.asList(out) : Arrays.asList((Object[]) out);
        List<Object> values = new ArrayList<>(), derivatives = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            Object r = results.get(k);
            if (r instanceof Complex z) {
                values.add(z.re());
                derivatives.add(checked(k, z.im() / step));
            } else if (r instanceof ComplexTensor t) {
                values.add(t.re());
                double[] d = new double[t.size()];
                for (int i = 0; i < d.length; i++) d[i] = checked(k, t.im[i] / step);
                derivatives.add(new Tensor(d, t.shape));
            } else {
                values.add(r);
                derivatives.add(null);
            }
        }
        return new Result(values, derivatives);
    }

    /** The derivatives alone: {@code along(point, direction).derivatives()}. */
    public List<Object> derivative(List<Object> point, List<Object> direction) {
        return along(point, direction).derivatives();
    }

    /**
     * The gradient of a def with one real result, one complex evaluation per real input: per parameter a Double
     * or Tensor of partial derivatives, null for ints and bools.
     */
    public List<Object> gradient(List<Object> point) {
        if (real.body().results().size() != 1 || !real.resultType().isReal()) {
            throw new IllegalArgumentException(real.name() + " must have one real result to have a gradient");
        }
        List<Object> zero = new ArrayList<>(java.util.Collections.nCopies(point.size(), null));
        List<Object> gradient = new ArrayList<>();
        for (int i = 0; i < point.size(); i++) {
            Object x = point.get(i);
            if (x instanceof Double) {
                zero.set(i, 1.0);
                gradient.add(derivative(point, zero).get(0));
            } else if (x instanceof Tensor t) {
                double[] g = new double[t.size()];
                for (int j = 0; j < g.length; j++) {
                    Tensor unit = Tensor.zeros(t.shape);
                    unit.data[j] = 1.0;
                    zero.set(i, unit);
                    g[j] = (Double) derivative(point, zero).get(0);
                }
                gradient.add(new Tensor(g, t.shape));
            } else {
                gradient.add(null);
            }
            zero.set(i, null);
        }
        return gradient;
    }

    /** x + iεd for a real parameter; ints and bools as they are. */
    private Object stepped(int i, Object x, Object d) {
        Type t = real.params().get(i).type();
        String name = real.paramNames().get(i);
        if (!t.differentiable()) {
            if (d != null) throw new IllegalArgumentException(real.name() + ": " + name + " is a " + t + " and has no direction");
            return x;
        }
        if (t.isReal()) {
            if (!(x instanceof Double v)) throw new IllegalArgumentException(real.name() + ": " + name + " must be a Double");
            if (d != null && !(d instanceof Double)) throw new IllegalArgumentException(real.name() + ": direction of " + name + " must be a Double");
            return new Complex(v, d == null ? 0.0 : step * (Double) d);
        }
        if (!(x instanceof Tensor v)) throw new IllegalArgumentException(real.name() + ": " + name + " must be a Tensor");
        if (d == null) return ComplexTensor.fromReal(v);
        if (!(d instanceof Tensor dt) || !dt.sameShape(v)) {
            throw new IllegalArgumentException(real.name() + ": direction of " + name + " must be a Tensor shaped like it");
        }
        double[] im = new double[v.size()];
        for (int j = 0; j < im.length; j++) im[j] = step * dt.data[j];
        return new ComplexTensor(v.data.clone(), im, v.shape);
    }

    private double checked(int result, double derivative) {
        if (!Double.isFinite(derivative)) {
            throw new ArithmeticException("complex step of " + real.name() + ": the derivative of result " + result
                    + " is " + derivative);
        }
        return derivative;
    }
}
