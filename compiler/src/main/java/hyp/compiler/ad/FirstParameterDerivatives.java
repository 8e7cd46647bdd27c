package hyp.compiler.ad;

import hyp.compiler.check.DerivativeKind;
import hyp.compiler.ir.DerivativeCode;
import hyp.compiler.ir.Function;

/** The derivative built-ins' code: {@link Derivatives} of f with respect to its first parameter only. */
public final class FirstParameterDerivatives implements DerivativeCode {
    @Override
    public Function derive(DerivativeKind kind, Function f) {
        boolean[] first = new boolean[f.params().size()];
        first[0] = true;
        switch (kind) {
            case JVP: return Derivatives.tangent(f, first);
            case HVP: return Derivatives.hessianVector(f, first);
            default: return Derivatives.adjoint(f, first);
        }
    }
}
