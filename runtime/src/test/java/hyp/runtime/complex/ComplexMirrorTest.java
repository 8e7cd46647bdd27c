package hyp.runtime.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.runtime.Tensor;
import hyp.runtime.ops.Images;
import hyp.runtime.ops.Indexing;
import hyp.runtime.ops.Products;
import hyp.runtime.ops.Reductions;
import hyp.runtime.ops.Scalars;
import hyp.runtime.ops.Shapes;
import hyp.runtime.ops.TensorMath;
import hyp.runtime.tape.Tape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every runtime method generated code may call has a complex counterpart of the same name, with double → Complex
 * and Tensor → ComplexTensor in its signature; and every element-wise one agrees with its real counterpart at
 * im = 0 (exactly, entry by entry, wherever the real result is a number).
 */
class ComplexMirrorTest {
    private static final Map<Class<?>, Class<?>> OWNERS = Map.of(
            Scalars.class, ComplexOps.class, TensorMath.class, ComplexTensorMath.class,
            Reductions.class, ComplexReductions.class, Products.class, ComplexProducts.class,
            Shapes.class, ComplexShapes.class, Indexing.class, ComplexIndexing.class, Images.class, ComplexImages.class);

    private static Class<?> complexOf(Class<?> c) {
        if (c == double.class) return Complex.class;
        if (c == Tensor.class) return ComplexTensor.class;
        if (c == double[].class) return Complex[].class;
        if (c == Tensor[].class) return ComplexTensor[].class;
        return c;
    }

    private static Method counterpart(Class<?> owner, Method real) {
        Class<?>[] params = real.getParameterTypes();
        Class<?>[] mapped = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) mapped[i] = complexOf(params[i]);
        try {
            Method m = owner.getMethod(real.getName(), mapped);
            assertTrue(Modifier.isStatic(m.getModifiers()), m + " is static");
            assertEquals(complexOf(real.getReturnType()), m.getReturnType(), "return type of " + m);
            return m;
        } catch (NoSuchMethodException e) {
            return fail("no complex counterpart " + owner.getSimpleName() + "." + real.getName() + List.of(mapped));
        }
    }

    private static List<Method> publicStatics(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) out.add(m);
        }
        return out;
    }

    @Test
    void everyRuntimeOpHasAComplexCounterpart() {
        OWNERS.forEach((real, complex) -> publicStatics(real).forEach(m -> counterpart(complex, m)));
        for (String f : List.of("exp", "log", "log1p", "sqrt", "abs", "tanh")) {
            assertEquals(Complex.class, counterpart(ComplexOps.class, method(Math.class, f, double.class)).getReturnType());
        }
        for (String f : List.of("max", "min")) counterpart(ComplexOps.class, method(Math.class, f, double.class, double.class));
        for (String f : List.of("pushReal", "popReal", "pushTensor", "popTensor")) {
            counterpart(ComplexTapes.class, publicStatics(Tape.class).stream().filter(m -> m.getName().equals(f)).findFirst().orElseThrow());
        }
        // what real code does with JVM operators
        for (String op : List.of("add", "sub", "mul", "div")) method(ComplexOps.class, op, Complex.class, Complex.class);
        for (String op : List.of("lt", "le", "gt", "ge", "eq", "ne")) {
            assertEquals(boolean.class, method(ComplexOps.class, op, Complex.class, Complex.class).getReturnType());
        }
        method(ComplexOps.class, "neg", Complex.class);
        method(ComplexOps.class, "fromInt", int.class);
        method(ComplexOps.class, "of", double.class);
    }

    private static Method method(Class<?> c, String name, Class<?>... params) {
        try {
            return c.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            return fail(c.getSimpleName() + "." + name + List.of(params) + " is missing");
        }
    }

    /** Every method of TensorMath (and of Scalars) on real-valued complex arguments gives the real result. */
    @Test
    void elementWiseOpsAgreeWithTheRealOnesAtZeroImaginaryPart() throws ReflectiveOperationException {
        Random random = new Random(3);
        double[] values = new double[24];
        for (int i = 0; i < values.length; i++) values[i] = 6 * random.nextDouble() - 3;
        values[0] = 0.0;
        values[1] = values[2]; // a tie for the masks and max/min
        Tensor x = new Tensor(values.clone(), 4, 6), y = new Tensor(values.clone(), 4, 6);
        for (int i = 0; i < values.length; i++) y.data[i] = 4 * random.nextDouble() - 1;
        y.data[2] = values[2];
        double s = 0.75;
        for (Method real : publicStatics(TensorMath.class)) {
            Method complex = counterpart(ComplexTensorMath.class, real);
            Class<?>[] p = real.getParameterTypes();
            Object[] realArgs = p.length == 1 ? new Object[] {x}
                    : new Object[] {p[0] == double.class ? s : x, p[1] == double.class ? s : y};
            Object[] complexArgs = new Object[realArgs.length];
            for (int i = 0; i < realArgs.length; i++) {
                complexArgs[i] = realArgs[i] instanceof Tensor t ? ComplexTensor.fromReal(t) : Complex.of((Double) realArgs[i]);
            }
            Tensor expected = (Tensor) real.invoke(null, realArgs);
            ComplexTensor actual = (ComplexTensor) complex.invoke(null, complexArgs);
            for (int i = 0; i < expected.size(); i++) {
                if (Double.isNaN(expected.data[i])) continue; // outside the real domain the principal branch takes over
                assertEquals(expected.data[i], actual.re[i], 0.0, real.getName() + " entry " + i);
                assertEquals(0.0, actual.im[i], 0.0, real.getName() + " stays real at entry " + i);
            }
        }
        for (Method real : publicStatics(Scalars.class)) {
            Method complex = counterpart(ComplexOps.class, real);
            for (double a : values) {
                Object[] realArgs = real.getParameterCount() == 1 ? new Object[] {a} : new Object[] {a, s};
                Object[] complexArgs = real.getParameterCount() == 1 ? new Object[] {Complex.of(a)}
                        : new Object[] {Complex.of(a), Complex.of(s)};
                double expected = (Double) real.invoke(null, realArgs);
                Complex actual = (Complex) complex.invoke(null, complexArgs);
                if (!Double.isNaN(expected)) assertEquals(Complex.of(expected), actual, real.getName() + " at " + a);
            }
        }
    }
}
