package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import java.util.Arrays;
import java.util.List;

/** x ^ p, element-wise. The p-derivative (log x · x^p) is only built when p actually varies. */
final class Pow extends ElementwiseBinary {
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
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var x = op.arg(0), p = op.arg(1);
        Var fromX = t.get(0) == null ? null : b.mul(t.get(0), dx(b, x, p));
        Var fromP = t.get(1) == null ? null : b.mul(t.get(1), dp(b, x, op.out()));
        return b.broadcastTo(b.add(fromX, fromP), op.out());
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var x = op.arg(0), p = op.arg(1);
        Var cx = b.unbroadcast(b.mul(cot, dx(b, x, p)), x.type());
        Var cp = b.constant(p) != null ? null : b.unbroadcast(b.mul(cot, dp(b, x, op.out())), p.type());
        return Arrays.asList(cx, cp);
    }
}
