package hyp.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The kernels run on the Vector API exactly when the JVM has the module; without it no Simd class is loaded. */
class SimdTest {
    @Test
    void followsTheJvmsModules() {
        boolean expected = !"false".equals(System.getProperty("hyp.expect.simd"));
        assertEquals(expected, Simd.enabled());
        assertEquals(expected, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    }

    @Test
    void theScalarFallbackLoadsNoVectorClass() throws Exception {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9}, y = new double[9];
        Arithmetic.add(x, x, y, 9);
        assertEquals(Math.sqrt(4 * 285), Blas1.norm2(y, 9), 1e-12);
        double[] c = new double[100 * 100];
        double[] a = new double[100 * 100];
        for (int i = 0; i < a.length; i++) a[i] = (i % 7) - 3;
        MatMul.multiply(a, a, c, 100, 100, 100); // above the size where the packed kernel would run
        double expect = 0;
        for (int p = 0; p < 100; p++) expect += a[3 * 100 + p] * a[p * 100 + 5];
        assertEquals(expect, c[3 * 100 + 5], 1e-9);
        if (!Simd.enabled()) {
            for (String name : new String[] {"SimdArithmetic", "SimdBlas1", "SimdMatVec", "Lanes", "GemmKernel"}) {
                assertFalse(loaded("hyp.runtime.kernels." + name), name + " was loaded");
            }
        }
    }

    /** Whether the class has been loaded by this class's loader (without loading it). */
    private static boolean loaded(String name) throws Exception {
        var find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        find.setAccessible(true);
        return find.invoke(SimdTest.class.getClassLoader(), name) != null;
    }
}
