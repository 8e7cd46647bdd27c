package hyp.compiler.lower;

import hyp.compiler.ad.AdjointTransform;
import hyp.compiler.ad.ForwardTransform;
import hyp.compiler.ir.Function;
import hyp.compiler.opt.Simplify;
import java.util.Arrays;

/** The derivative functions of a def, each simplified, and each again a plain IR function. */
public final class Derivatives {
    private Derivatives() {}

    /** {@code f(x...) -> y} to {@code (x..., ybar) -> (y, xbar...)}: the gradient when ybar = 1. */
    public static Function adjoint(Function f) {
        return Simplify.run(AdjointTransform.vjp(Simplify.run(f)));
    }

    /** Adjoint code with cotangents only for the parameters marked in {@code wrt}. */
    public static Function adjoint(Function f, boolean[] wrt) {
        return Simplify.run(AdjointTransform.vjp(Simplify.run(f), wrt));
    }

    /** {@code f(x...) -> y} to {@code (x..., dx...) -> (y, dy)}. */
    public static Function tangent(Function f) {
        return Simplify.run(ForwardTransform.jvp(Simplify.run(f)));
    }

    /** Tangent code with tangents only for the parameters marked in {@code wrt}. */
    public static Function tangent(Function f, boolean[] wrt) {
        return Simplify.run(ForwardTransform.jvp(Simplify.run(f), wrt));
    }

    /**
     * Tangent of the adjoint: {@code (x..., ybar, dx..., dybar) -> (y, xbar..., dy, dxbar...)}. With ybar = 1,
     * dybar = 0 and dx = v, dxbar is the Hessian-vector product H v.
     */
    public static Function hessianVector(Function f) {
        return Simplify.run(ForwardTransform.jvp(adjoint(f)));
    }

    /**
     * Tangent of the adjoint, both only in the parameters marked in {@code wrt}:
     * {@code (x..., ybar, dx_wrt...) -> (y, xbar_wrt..., dy, dxbar_wrt...)}; the seed ybar gets no tangent.
     */
    public static Function hessianVector(Function f, boolean[] wrt) {
        Function adjoint = adjoint(f, wrt);
        boolean[] tangents = Arrays.copyOf(wrt, adjoint.params().size());
        return Simplify.run(ForwardTransform.jvp(adjoint, tangents));
    }
}
