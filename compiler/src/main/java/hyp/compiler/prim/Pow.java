package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** x ^ p, element-wise. The p-derivative (log x · x^p) is only built when p actually varies. */
final class Pow extends ElementwisePartials {
    Pow() {
        super("pow", "^", new Emission.Call(Emission.SCALARS, "pow"), false);
    }

    /** ∂/∂x = p · x^(p−1); for p = 2 simply 2x, which also stays exact at x = 0. */
    private static Var dx(IrBuilder b, Var x, Var p) {
        if (b.constant(p) instanceof Double c) {
            if (c == 2.0) return b.mul(b.real(2.0), x);
            if (c == 1.0) return b.broadcastTo(b.real(1.0), x);
            return b.mul(p, b.op(Prims.POW, x, b.real(c - 1.0)));
        }
        return b.mul(p, b.op(Prims.POW, x, b.sub(p, b.real(1.0))));
    }

    /** ∂/∂p = log x · x^p. */
    private static Var dp(IrBuilder b, Var x, Var y) {
        return b.mul(b.op(Prims.LOG, x), y);
    }

    @Override
    List<Var> partials(IrBuilder b, Node.Op op, boolean[] needed) {
        Var x = op.arg(0), p = op.arg(1);
        return Arrays.asList(needed[0] ? dx(b, x, p) : null, needed[1] ? dp(b, x, op.out()) : null);
    }
}
