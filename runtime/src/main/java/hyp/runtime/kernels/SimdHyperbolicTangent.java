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
import static hyp.runtime.kernels.HyperbolicTangent.EXPONENT_ONE;
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
import static hyp.runtime.kernels.HyperbolicTangent.SIGN;
import static hyp.runtime.kernels.HyperbolicTangent.SMALL;
import static hyp.runtime.kernels.Lanes.L;
import static hyp.runtime.kernels.Lanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/** {@link HyperbolicTangent}'s kernel in vector lanes: the same exactly rounded steps, so the same bits. */
final class SimdHyperbolicTangent {
    private SimdHyperbolicTangent() {
    }

    /** out[i] = tanh x[i] for i in [0, n); the tail past the last full vector by the scalar function. */
    static void tanh(double[] x, double[] out, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            tanh(DoubleVector.fromArray(S, x, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = HyperbolicTangent.tanh(x[i]);
        }
    }

    /** The same steps as {@link HyperbolicTangent#tanh(double)}, lane by lane: both branches, then each lane's pick. */
    private static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.abs();
        DoubleVector v = large(a).blend(small(a), a.lt(SMALL));
        LongVector sign = ((LongVector) x.reinterpretAsLongs()).and(SIGN);
        return ((LongVector) v.reinterpretAsLongs()).or(sign).reinterpretAsDoubles();
    }

    private static DoubleVector small(DoubleVector a) {
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
        return a.mul(s).fma(g, a);
    }

    private static DoubleVector large(DoubleVector a) {
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
        LongVector bits = (LongVector) z.reinterpretAsLongs();
        DoubleVector twoK = bits.lanewise(VectorOperators.LSHL, 52).add(EXPONENT_ONE).reinterpretAsDoubles();
        DoubleVector t = twoK.fma(p, twoK.sub(1.0));
        return t.div(t.add(2.0));
    }
}
