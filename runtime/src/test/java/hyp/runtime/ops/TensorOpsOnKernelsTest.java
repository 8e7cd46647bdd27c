package hyp.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.runtime.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The tensor ops generated code calls, now on the SIMD kernels, against the plain scalar loops they replaced:
 * element-wise ops bit for bit (special values included), sums within the rounding bound of any summation order,
 * for every length around the vector width and for empty tensors.
 */
class TensorOpsOnKernelsTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1023, 4097};
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300, -1e-300};
    private final Random random = new Random(20240607);

    private Tensor random(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextInt(10) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : 4 * random.nextGaussian();
        }
        return t;
    }

    private static void assertSame(Tensor expected, Tensor actual, String what) {
        assertEquals(Arrays.toString(expected.shape), Arrays.toString(actual.shape), what + " shape");
        for (int i = 0; i < expected.data.length; i++) {
            if (Double.doubleToLongBits(expected.data[i]) == Double.doubleToLongBits(actual.data[i])) continue;
            assertEquals(expected.data[i], actual.data[i], what + " entry " + i + " (bitwise)");
            fail(what + " entry " + i + ": " + expected.data[i] + " and " + actual.data[i] + " differ in their bits");
        }
    }

    /** An op in its three shapes, and the scalar operation each element gets. */
    private record Binary(String name, BinaryOperator<Tensor> tt, BiFunction<Double, Tensor, Tensor> st,
            BiFunction<Tensor, Double, Tensor> ts, DoubleBinaryOperator f) {}

    @Test
    void elementWiseOpsAgreeBitwiseWithTheScalarLoops() {
        List<Binary> ops = List.of(
                new Binary("add", TensorMath::add, TensorMath::add, TensorMath::add, (a, b) -> a + b),
                new Binary("sub", TensorMath::sub, TensorMath::sub, TensorMath::sub, (a, b) -> a - b),
                new Binary("mul", TensorMath::mul, TensorMath::mul, TensorMath::mul, (a, b) -> a * b),
                new Binary("div", TensorMath::div, TensorMath::div, TensorMath::div, (a, b) -> a / b),
                new Binary("max", TensorMath::max, TensorMath::max, TensorMath::max, Math::max),
                new Binary("min", TensorMath::min, TensorMath::min, TensorMath::min, Math::min),
                new Binary("pow", TensorMath::pow, TensorMath::pow, TensorMath::pow, Scalars::pow),
                new Binary("geMask", TensorMath::geMask, TensorMath::geMask, TensorMath::geMask, Scalars::geMask),
                new Binary("leMask", TensorMath::leMask, TensorMath::leMask, TensorMath::leMask, Scalars::leMask));
        for (int n : LENGTHS) {
            for (int[] shape : new int[][] {{n}, {n == 0 ? 0 : 1, n}}) {
                Tensor x = random(shape), y = random(shape);
                double s = random.nextBoolean() ? random.nextGaussian() : SPECIAL[random.nextInt(SPECIAL.length)];
                for (Binary op : ops) {
                    String at = op.name + " at " + Arrays.toString(shape);
                    assertSame(zip(x, y, op.f), op.tt.apply(x, y), at);
                    assertSame(map(y, b -> op.f.applyAsDouble(s, b)), op.st.apply(s, y),
                            at + " with the scalar " + s + " on the left");
                    assertSame(map(x, a -> op.f.applyAsDouble(a, s)), op.ts.apply(x, s),
                            at + " with the scalar " + s + " on the right");
                }
                List<UnaryOperator<Tensor>> unary = List.of(TensorMath::neg, TensorMath::sqrt, TensorMath::abs);
                List<DoubleUnaryOperator> reference = List.of(a -> -a, Math::sqrt, Math::abs);
                for (int k = 0; k < unary.size(); k++) {
                    assertSame(map(x, reference.get(k)), unary.get(k).apply(x), "unary op " + k + " at " + n);
                }
                assertSame(map(x, Math::exp), TensorMath.exp(x), "exp");
                assertSame(map(x, Scalars::softplus), TensorMath.softplus(x), "softplus");
                assertSame(map(x, Scalars::relu), TensorMath.relu(x), "relu keeps the scalar rule");
                assertSame(map(x, Scalars::step), TensorMath.step(x), "step");
                assertSame(map(x, Scalars::sign), TensorMath.sign(x), "sign");
            }
        }
    }

    private static Tensor map(Tensor t, DoubleUnaryOperator f) {
        Tensor r = Tensor.zeros(t.shape);
        for (int i = 0; i < r.data.length; i++) r.data[i] = f.applyAsDouble(t.data[i]);
        return r;
    }

    private static Tensor zip(Tensor x, Tensor y, DoubleBinaryOperator f) {
        Tensor r = Tensor.zeros(x.shape);
        for (int i = 0; i < r.data.length; i++) r.data[i] = f.applyAsDouble(x.data[i], y.data[i]);
        return r;
    }

    private Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.data.length; i++) t.data[i] = random.nextGaussian();
        return t;
    }

    /** |a - b| within a generous multiple of the rounding bound n·ε·Σ|terms| of any summation order. */
    private static void assertClose(double expected, double actual, double magnitude, int terms, String what) {
        double bound = 4 * (terms + 1) * Math.ulp(1.0) * magnitude;
        if (!(Math.abs(expected - actual) <= bound)) assertEquals(expected, actual, bound, what);
    }

    @Test
    void productsAgreeWithTheScalarLoopsWithinRounding() {
        for (int n : LENGTHS) {
            int m = 1 + random.nextInt(40), k = 1 + random.nextInt(70);
            Tensor x = gaussian(n), y = gaussian(n);
            double mag = ReferenceProducts.dot(TensorMath.abs(x), TensorMath.abs(y));
            assertClose(ReferenceProducts.dot(x, y), Products.dot(x, y), mag, n, "dot " + n);
            Tensor a = gaussian(m, n), b = gaussian(n, k), v = gaussian(m);
            Tensor absA = TensorMath.abs(a);
            check(ReferenceProducts.matvec(a, x), Products.matvec(a, x), ReferenceProducts.matvec(absA, TensorMath.abs(x)), n, "matvec");
            check(ReferenceProducts.vecmat(v, a), Products.vecmat(v, a), ReferenceProducts.vecmat(TensorMath.abs(v), absA), m, "vecmat");
            check(ReferenceProducts.matmul(a, b), Products.matmul(a, b),
                    ReferenceProducts.matmul(absA, TensorMath.abs(b)), n, "matmul");
            assertSame(ReferenceProducts.outer(x, v), Products.outer(x, v), "outer");
            assertSame(ReferenceProducts.transpose(a), Products.transpose(a), "transpose " + m + "x" + n);
            Tensor big = gaussian(n == 0 ? 0 : 37, n);
            assertSame(ReferenceProducts.transpose(big), Products.transpose(big), "transpose of 37 rows");
        }
    }

    private static void check(Tensor expected, Tensor actual, Tensor magnitude, int terms, String what) {
        assertEquals(Arrays.toString(expected.shape), Arrays.toString(actual.shape), what + " shape");
        for (int i = 0; i < expected.data.length; i++) {
            double bound = 4 * (terms + 1) * Math.ulp(1.0) * magnitude.data[i];
            if (!(Math.abs(expected.data[i] - actual.data[i]) <= bound)) {
                assertEquals(expected.data[i], actual.data[i], bound, what + " entry " + i);
            }
        }
    }

    @Test
    void reductionsAgreeWithTheScalarLoops() {
        for (int n : LENGTHS) {
            Tensor x = gaussian(n);
            double mag = ReferenceProducts.sum(TensorMath.abs(x));
            assertClose(ReferenceProducts.sum(x), Reductions.sum(x), mag, n, "sum " + n);
            if (n > 0) assertClose(ReferenceProducts.sum(x) / n, Reductions.mean(x), mag / n, n, "mean " + n);
            assertClose(ReferenceProducts.norm(x), Reductions.norm(x), ReferenceProducts.norm(x), n, "norm " + n);
            if (n == 0) continue;
            assertEquals(ReferenceProducts.max(x), Reductions.max(x), 0.0, "max " + n);
            assertClose(ReferenceProducts.logsumexp(x), Reductions.logsumexp(x), 1 + Math.abs(Reductions.max(x)), n, "lse " + n);
        }
        Tensor extreme = Tensor.vector(1e200, -3e200, 2e-200, 0);
        assertClose(ReferenceProducts.norm(extreme), Reductions.norm(extreme), 4e200, 4, "norm without overflow");
        Tensor tiny = Tensor.vector(3e-200, 4e-200);
        assertClose(5e-200, Reductions.norm(tiny), 5e-200, 2, "norm without underflow");
        assertEquals(Double.POSITIVE_INFINITY, Reductions.norm(Tensor.vector(1, Double.NEGATIVE_INFINITY)));
        assertEquals(Double.NaN, Reductions.norm(Tensor.vector(1, Double.NaN)));
        assertEquals(Double.NaN, Reductions.max(Tensor.vector(1, Double.NaN, 3, 4, 5, 6)));
        assertEquals(1000 + Math.log(2), Reductions.logsumexp(Tensor.vector(1000, 1000)), 1e-12, "shifted by the max");
    }

    @Test
    void shapeErrorsKeepTheirMessages() {
        Tensor x = Tensor.zeros(3), y = Tensor.zeros(4), a = Tensor.zeros(2, 3);
        assertEquals("add: shapes [3] and [4] differ",
                assertThrows(ShapeMismatchException.class, () -> TensorMath.add(x, y)).getMessage());
        assertEquals("max: shapes [3] and [2, 3] differ",
                assertThrows(ShapeMismatchException.class, () -> TensorMath.max(x, a)).getMessage());
        assertEquals("dot: inner dimensions 3 and 4 differ",
                assertThrows(ShapeMismatchException.class, () -> Products.dot(x, y)).getMessage());
        assertEquals("matvec: inner dimensions 3 and 4 differ",
                assertThrows(ShapeMismatchException.class, () -> Products.matvec(a, y)).getMessage());
        assertEquals("vecmat: inner dimensions 2 and 3 differ",
                assertThrows(ShapeMismatchException.class, () -> Products.vecmat(x, a)).getMessage());
        assertEquals("matmul: inner dimensions 3 and 2 differ",
                assertThrows(ShapeMismatchException.class, () -> Products.matmul(a, a)).getMessage());
        assertEquals("transpose: expected rank 2, got shape [3]",
                assertThrows(ShapeMismatchException.class, () -> Products.transpose(x)).getMessage());
        assertEquals("max of an empty tensor",
                assertThrows(ShapeMismatchException.class, () -> Reductions.max(Tensor.zeros(0))).getMessage());
        assertThrows(ShapeMismatchException.class, () -> Reductions.logsumexp(Tensor.zeros(0)));
        assertEquals("mul: shapes [3] and [4] differ",
                assertThrows(ShapeMismatchException.class, () -> FusedLoops.sameShape("mul", x, y)).getMessage());
    }

    @Test
    void fusedLoopsGetAFreshOutputOfTheSameShape() {
        Tensor like = gaussian(2, 5);
        Tensor out = FusedLoops.output(like);
        assertEquals("[2, 5]", Arrays.toString(out.shape));
        assertEquals(0.0, ReferenceProducts.norm(out), 0.0);
        out.shape[0] = 7; // the shape is the output's own
        assertEquals(2, like.shape[0]);
    }
}
