package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.diag.CompileException;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates the constant expressions of train and tune statements (settings, step and round counts): numbers,
 * dimension names, arithmetic, and exp/log/sqrt of those. What is not such a constant is a {@link CompileException}
 * at the expression.
 */
public final class ConstantExpr {
    private final Map<String, Integer> sizes;

    private ConstantExpr(Map<String, Integer> sizes) {
        this.sizes = sizes;
    }

    /** An evaluator whose dimension names take the sizes they have in {@code values} (data, params, hypers by name). */
    public static ConstantExpr of(CheckedProgram program, Map<String, Object> values) {
        Map<String, Integer> sizes = new HashMap<>();
        for (Global g : program.globals().values()) {
            if (g.type() instanceof Type.Tensor tt && values.get(g.name()) instanceof Tensor t) {
                for (int k = 0; k < tt.rank() && k < t.rank(); k++) {
                    Dim d = tt.dims().get(k);
                    if (d.symbolic()) sizes.putIfAbsent(d.name(), t.shape[k]);
                }
            }
        }
        return new ConstantExpr(sizes);
    }

    public double value(Expr e) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Name n && sizes.containsKey(n.name())) return sizes.get(n.name());
        if (e instanceof Expr.Unary u && u.op() != Expr.UnaryOp.NOT) {
            double x = value(u.operand());
            return u.op() == Expr.UnaryOp.NEG ? -x : x;
        }
        if (e instanceof Expr.Binary b) {
            double l = value(b.left()), r = value(b.right());
            switch (b.op()) {
                case ADD: return l + r;
                case SUB: return l - r;
                case MUL: return l * r;
                case DIV: return l / r;
                case POW: return Math.pow(l, r);
                default: break;
            }
        }
        if (e instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0).name() == null) {
            double x = value(c.args().get(0).value());
            switch (c.callee().name()) {
                case "exp": return Math.exp(x);
                case "log": return Math.log(x);
                case "sqrt": return Math.sqrt(x);
                default: break;
            }
        }
        throw CompileException.at(e.span(), "'" + e.span().text() + "' is not a constant this statement can use (numbers, dimension names, arithmetic, exp, log, sqrt)");
    }

    /** A count (of steps or rounds): a whole number of at least 1. */
    public int count(Expr e, String what) {
        double v = value(e);
        if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw CompileException.at(e.span(), what + " must be a whole number >= 1, got " + v);
        }
        return (int) v;
    }
}
