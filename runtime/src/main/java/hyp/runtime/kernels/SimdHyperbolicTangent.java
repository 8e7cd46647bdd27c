package hyp.runtime.kernels;

import static hyp.runtime.kernels.HyperbolicTangent.C10;
import static hyp.runtime.kernels.HyperbolicTangent.C11;
import static hyp.runtime.kernels.HyperbolicTangent.C12;
import static hyp.runtime.kernels.HyperbolicTangent.C13;
import static hyp.runtime.kernels.HyperbolicTangent.C2;
import static hyp.runtime.kernels.HyperbolicTangent.C3;
import static hyp.runtime.kernels.HyperbolicTangent.C4;
import static hyp.runtime.kernels.HyperbolicTangent.C5;
import static hyp.runtime.kernels.HyperbolicTangent.C6;
import static hyp.runtime.kernels.HyperbolicTangent.C7;
import static hyp.runtime.kernels.HyperbolicTangent.C8;
import static hyp.runtime.kernels.HyperbolicTangent.C9;
import static hyp.runtime.kernels.HyperbolicTangent.CLAMP;
import static hyp.runtime.kernels.HyperbolicTangent.G0;
import static hyp.runtime.kernels.HyperbolicTangent.G1;
import static hyp.runtime.kernels.HyperbolicTangent.G10;
import static hyp.runtime.kernels.HyperbolicTangent.G2;
import static hyp.runtime.kernels.HyperbolicTangent.G3;
import static hyp.runtime.kernels.HyperbolicTangent.G4;
import static hyp.runtime.kernels.HyperbolicTangent.G5;
import static hyp.runtime.kernels.HyperbolicTangent.G6;
import static hyp.runtime.kernels.HyperbolicTangent.G7;
import static hyp.runtime.kernels.HyperbolicTangent.G8;
import static hyp.runtime.kernels.HyperbolicTangent.G9;
import static hyp.runtime.kernels.HyperbolicTangent.INV_LN2;
import static hyp.runtime.kernels.HyperbolicTangent.LN2_HI;
import static hyp.runtime.kernels.HyperbolicTangent.LN2_LO;
import static hyp.runtime.kernels.HyperbolicTangent.ROUND;
import static hyp.runtime.kernels.HyperbolicTangent.SMALL;
import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** {@link HyperbolicTangent}'s kernel in vector lanes: the same exactly rounded steps, so the same bits. */
final class SimdHyperbolicTangent {
    private SimdHyperbolicTangent() {
    }

    /**
     * out[i] = tanh x[i] for i in [0, n); the tail past the last full vector by the scalar function. All steps
     * sit in the loop body: C2 does not inline a callee this large, and a vector passed to or returned from a
     * call that is not inlined is boxed, which is slower than the scalar function.
     */
    static void tanh(double[] x, double[] out, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            DoubleVector a = xv.abs();
            // small |x|: the odd polynomial
            DoubleVector s = a.mul(a);
            DoubleVector g = s.fma(G10, G9);
            g = s.fma(g, DoubleVector.broadcast(S, G8));
            g = s.fma(g, DoubleVector.broadcast(S, G7));
            g = s.fma(g, DoubleVector.broadcast(S, G6));
            g = s.fma(g, DoubleVector.broadcast(S, G5));
            g = s.fma(g, DoubleVector.broadcast(S, G4));
            g = s.fma(g, DoubleVector.broadcast(S, G3));
            g = s.fma(g, DoubleVector.broadcast(S, G2));
            g = s.fma(g, DoubleVector.broadcast(S, G1));
            g = s.fma(g, DoubleVector.broadcast(S, G0));
            DoubleVector small = a.mul(s).fma(g, a);
            // large |x|: t / (t + 2), t = e^y - 1
            DoubleVector y = a.min(CLAMP).mul(2.0);
            DoubleVector z = y.mul(INV_LN2).add(ROUND);
            DoubleVector k = z.sub(ROUND);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector q = r.fma(C13, C12);
            q = r.fma(q, DoubleVector.broadcast(S, C11));
            q = r.fma(q, DoubleVector.broadcast(S, C10));
            q = r.fma(q, DoubleVector.broadcast(S, C9));
            q = r.fma(q, DoubleVector.broadcast(S, C8));
            q = r.fma(q, DoubleVector.broadcast(S, C7));
            q = r.fma(q, DoubleVector.broadcast(S, C6));
            q = r.fma(q, DoubleVector.broadcast(S, C5));
            q = r.fma(q, DoubleVector.broadcast(S, C4));
            q = r.fma(q, DoubleVector.broadcast(S, C3));
            q = r.fma(q, DoubleVector.broadcast(S, C2));
            DoubleVector p = r.mul(r).fma(q, r);
            // 2^k (k in [0, 64]) by its binary digits: products of powers of two are exact, so this is the
            // scalar function's exponent-bits value (reinterpreting 512-bit lanes as longs is not compiled to
            // vector code on JDK 17)
            VectorMask<Double> m = k.compare(VectorOperators.GE, 64.0);
            DoubleVector twoK = one.blend(0x1p64, m);
            k = k.sub(zero.blend(64.0, m));
            m = k.compare(VectorOperators.GE, 32.0);
            twoK = twoK.mul(one.blend(0x1p32, m));
            k = k.sub(zero.blend(32.0, m));
            m = k.compare(VectorOperators.GE, 16.0);
            twoK = twoK.mul(one.blend(0x1p16, m));
            k = k.sub(zero.blend(16.0, m));
            m = k.compare(VectorOperators.GE, 8.0);
            twoK = twoK.mul(one.blend(0x1p8, m));
            k = k.sub(zero.blend(8.0, m));
            m = k.compare(VectorOperators.GE, 4.0);
            twoK = twoK.mul(one.blend(0x1p4, m));
            k = k.sub(zero.blend(4.0, m));
            m = k.compare(VectorOperators.GE, 2.0);
            twoK = twoK.mul(one.blend(0x1p2, m));
            k = k.sub(zero.blend(2.0, m));
            twoK = twoK.mul(one.blend(2.0, k.compare(VectorOperators.GE, 1.0)));
            DoubleVector t = twoK.fma(p, twoK.sub(1.0));
            DoubleVector v = t.div(t.add(2.0)).blend(small, a.lt(SMALL));
            // the sign, and signed zeros as they came
            v = v.blend(v.neg(), xv.lt(0.0));
            v.blend(xv, xv.eq(0.0)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = HyperbolicTangent.tanh(x[i]);
        }
    }
}
