package hyp.compiler.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.compiler.prim.Emission;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.complex.Complex;
import hyp.runtime.complex.ComplexTensor;
import hyp.runtime.tape.Tape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every primitive, at every kind of argument it takes, has a complex version: its complex emission names a static
 * method of hyp.runtime.complex that exists with the parameter and result classes the back ends will use.
 */
class ComplexEmissionTest {
    private static final Type R = Type.REAL, I = Type.INT, B = Type.BOOL, TAPE = Type.TAPE;
    private static final Dim N = Dim.named("n"), D = Dim.named("d"), K = Dim.named("k");
    private static final Type V = Type.tensor(N), VD = Type.tensor(D), VK = Type.tensor(K);
    private static final Type M = Type.tensor(N, D), MDK = Type.tensor(D, K), T3 = Type.tensor(N, D, K);

    private record Sample(Primitive prim, List<Type> args, Object attr) {}

    private static final List<Sample> SAMPLES = new ArrayList<>();

    private static void add(Primitive p, Object attr, Type... args) {
        SAMPLES.add(new Sample(p, List.of(args), attr));
    }

    static {
        for (Primitive p : List.of(Prims.ADD, Prims.SUB, Prims.MUL, Prims.DIV, Prims.POW, Prims.MAX, Prims.MIN,
                Prims.GE_MASK, Prims.LE_MASK)) {
            add(p, null, R, R);
            add(p, null, M, M);
            add(p, null, R, M);
            add(p, null, M, R);
        }
        for (Primitive p : List.of(Prims.ADD, Prims.SUB, Prims.MUL)) add(p, null, I, I);
        add(Prims.NEG, null, R);
        add(Prims.NEG, null, M);
        add(Prims.NEG, null, I);
        for (Primitive p : List.of(Prims.EXP, Prims.LOG, Prims.LOG1P, Prims.SQRT, Prims.ABS, Prims.TANH, Prims.SIGMOID,
                Prims.SOFTPLUS, Prims.RELU, Prims.STEP, Prims.SIGN)) {
            add(p, null, R);
            add(p, null, T3);
        }
        for (Primitive p : List.of(Prims.LT, Prims.LE, Prims.GT, Prims.GE, Prims.EQ, Prims.NE)) {
            add(p, null, R, R);
            add(p, null, I, I);
        }
        add(Prims.EQ, null, B, B);
        add(Prims.NE, null, B, B);
        add(Prims.AND, null, B, B);
        add(Prims.OR, null, B, B);
        add(Prims.NOT, null, B);
        add(Prims.TO_REAL, null, I);
        for (Primitive p : List.of(Prims.SUM, Prims.MEAN, Prims.REDUCE_MAX, Prims.NORM, Prims.LOGSUMEXP, Prims.SIZE)) {
            add(p, null, V);
            add(p, null, M);
        }
        add(Prims.SIZE, 1, M);
        add(Prims.MATMUL, null, V, V);
        add(Prims.MATMUL, null, M, VD);
        add(Prims.MATMUL, null, V, M);
        add(Prims.MATMUL, null, M, MDK);
        add(Prims.TRANSPOSE, null, M);
        add(Prims.OUTER, null, V, VD);
        add(Prims.BROADCAST, null, R, M);
        add(Prims.FILL, V, R, I);
        add(Prims.FILL, M, R, I, I);
        add(Prims.FILL, T3, R, I, I, I);
        add(Prims.STACK, null, R, R, R);
        add(Prims.STACK, null, M, M);
        IndexSpec get1 = new IndexSpec(IndexSpec.Form.GET1, null), get2 = new IndexSpec(IndexSpec.Form.GET2, null);
        IndexSpec row = new IndexSpec(IndexSpec.Form.ROW, null), col = new IndexSpec(IndexSpec.Form.COL, null);
        IndexSpec slice = new IndexSpec(IndexSpec.Form.SLICE, K);
        add(Prims.INDEX, get1, V, I);
        add(Prims.INDEX, get2, M, I, I);
        add(Prims.INDEX, row, M, I);
        add(Prims.INDEX, col, M, I);
        add(Prims.INDEX, slice, V, I, I);
        add(Prims.SCATTER, get1, R, V, I);
        add(Prims.SCATTER, get2, R, M, I, I);
        add(Prims.SCATTER, row, VD, M, I);
        add(Prims.SCATTER, col, V, M, I);
        add(Prims.SCATTER, slice, VK, V, I, I);
        Type image = lit(2, 6, 5), filters = lit(3, 2, 3, 2), maps = lit(3, 4, 4);
        add(Prims.CONV2D, null, image, filters);
        add(Prims.CONV2D_INPUT_ADJOINT, null, maps, filters);
        add(Prims.CONV2D_FILTER_ADJOINT, null, maps, image);
        add(Prims.AVGPOOL2, null, lit(2, 4, 6));
        add(Prims.AVGPOOL2, null, lit(4, 6));
        add(Prims.AVGPOOL2_ADJOINT, null, lit(2, 2, 3));
        add(Prims.RESHAPE, List.of(Dim.of(6)), lit(2, 3));
        Type batch = new Type.Tensor(List.of(Dim.named("n"), Dim.of(6)));
        add(Prims.RESHAPE, List.of(Dim.named("n"), Dim.of(2), Dim.of(3)), batch);
        add(Prims.CONV2D, null, lit(4, 2, 6, 5), filters);
        add(Prims.SPREAD_ROWS, null, R, M);
        add(Prims.SPREAD_ROWS, null, V, M);
        add(Prims.SUM_ROWS, null, M);
        add(Prims.ROW_BROADCAST, null, lit(2), lit(2, 3));
        add(Prims.ROW_SUMS, null, M);
        add(Prims.ROW_LOGSUMEXP, null, M);
        add(Prims.RESHAPE, List.of(Dim.of(2), Dim.of(1), Dim.of(3), Dim.of(1)), lit(6));
        add(Prims.TAPE_CREATE, null);
        for (Type t : List.of(R, M, I, B)) {
            add(Prims.TAPE_PUSH, null, TAPE, t);
            add(Prims.TAPE_POP, t, TAPE);
        }
    }

    /** A tensor type of literal sizes. */
    private static Type lit(int... sizes) {
        return new Type.Tensor(java.util.Arrays.stream(sizes).mapToObj(Dim::of).toList());
    }

    @Test
    void samplesCoverEveryPrimitive() {
        Set<Primitive> covered = new HashSet<>();
        for (Sample s : SAMPLES) covered.add(s.prim());
        for (Primitive p : Prims.ALL) assertTrue(covered.contains(p), "no complex-version sample of " + p.name());
    }

    @Test
    void everyComplexEmissionNamesAnExistingRuntimeMethod() throws ShapeError {
        for (Sample s : SAMPLES) {
            ComplexPrimitive cp = new ComplexPrimitive(s.prim());
            List<Type> args = s.args().stream().map(ComplexTransform::complexType).toList();
            Type out = cp.resultType(args, s.attr());
            assertEquals(ComplexTransform.complexType(s.prim().resultType(s.args(), s.attr())), out, s.toString());
            boolean complex = out instanceof Type.Complex || args.stream().anyMatch(t -> t instanceof Type.Complex);
            Emission e = cp.emission(args, s.attr());
            if (!complex) {
                assertEquals(s.prim().emission(s.args(), s.attr()), e, "ints and bools keep their real emission: " + s);
                continue;
            }
            List<Class<?>> params = new ArrayList<>();
            String owner, method;
            if (e instanceof Emission.Call c) {
                owner = c.owner();
                method = c.method();
                for (Type t : args) params.add(jvm(t));
                for (int k = 0; k < c.constants().size(); k++) params.add(int.class);
            } else if (e instanceof Emission.CallWithArray c) {
                owner = c.owner();
                method = c.method();
                params.add(jvm(args.get(0)).arrayType());
            } else {
                fail(s + " on complex values must call the runtime, not " + e);
                return;
            }
            assertTrue(owner.startsWith("hyp.runtime.complex."), s + " calls " + owner);
            Method m = find(owner, method, params, s);
            assertTrue(Modifier.isStatic(m.getModifiers()), m + " is static");
            assertEquals(jvm(out), m.getReturnType(), "result of " + m + " for " + s);
        }
    }

    private static Method find(String owner, String method, List<Class<?>> params, Sample s) {
        try {
            return Class.forName(owner).getMethod(method, params.toArray(Class<?>[]::new));
        } catch (ReflectiveOperationException e) {
            return fail("no " + owner + "." + method + params + " for " + s);
        }
    }

    /** The JVM class of a value of this type, as the back ends map it. */
    private static Class<?> jvm(Type t) {
        if (t instanceof Type.Complex c) return c.of().isTensor() ? ComplexTensor.class : Complex.class;
        if (t instanceof Type.Tape) return Tape.class;
        if (t.isTensor()) return Tensor.class;
        if (t.isReal()) return double.class;
        return t.isInt() ? int.class : boolean.class;
    }
}
